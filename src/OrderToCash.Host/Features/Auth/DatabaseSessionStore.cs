using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Auth;

/// <summary>
/// Sign-in sessions kept in the database (<see cref="UserSession"/>): the cookie carries only a random key, protected by
/// the shared Data Protection keys. Signing out deletes the row, so the old cookie stops working at once on every host;
/// an administrator can end all of a user's sessions the same way.
/// </summary>
internal sealed class DatabaseSessionStore(Func<OrderToCashDbContext> createContext, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
            UserName = ticket.Principal.Identity?.Name ?? string.Empty,
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc,
        };
        await using var db = createContext();
        // Sessions nobody signed out of end here, when a new one starts.
        await db.Set<UserSession>().Where(s => s.ExpiresAt < now).ExecuteDeleteAsync().ConfigureAwait(false);
        db.Add(session);
        await db.SaveChangesAsync().ConfigureAwait(false);
        return session.Id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc;
        await using var db = createContext();
        await db.Set<UserSession>().Where(s => s.Id == key)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAt, expires)).ConfigureAwait(false);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var db = createContext();
        var session = await db.Set<UserSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == key).ConfigureAwait(false);
        return session is null || session.ExpiresAt <= clock.GetUtcNow() ? null : TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var db = createContext();
        await db.Set<UserSession>().Where(s => s.Id == key).ExecuteDeleteAsync().ConfigureAwait(false);
    }

    /// <summary>Ends every session of a user; returns how many there were.</summary>
    public async Task<int> RevokeAsync(string userName)
    {
        await using var db = createContext();
        return await db.Set<UserSession>().Where(s => s.UserName == userName).ExecuteDeleteAsync().ConfigureAwait(false);
    }
}
