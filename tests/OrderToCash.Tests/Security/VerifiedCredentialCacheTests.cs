using Microsoft.Extensions.Time.Testing;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Tests.Security;

public sealed class VerifiedCredentialCacheTests
{
    private static readonly string ClaireHash = PasswordHashing.Hash("claire-secret");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));

    private static BuiltInUser Claire(string? hash = null)
    {
        var user = new BuiltInUser { UserName = "claire", PasswordHash = hash ?? ClaireHash };
        user.Roles.Add(Roles.CreditManager);
        return user;
    }

    [Fact]
    public void A_verified_password_is_remembered_and_answers_with_the_same_user()
    {
        var claire = Claire();
        var cache = new VerifiedCredentialCache(new BuiltInUserStore([claire]), clock);

        cache.Authenticate("claire", "claire-secret").Should().BeSameAs(claire);
        cache.Authenticate("claire", "claire-secret").Should().BeSameAs(claire);

        cache.Count.Should().Be(1);
    }

    [Fact]
    public void A_wrong_password_is_never_remembered_and_never_matches_a_remembered_one()
    {
        var cache = new VerifiedCredentialCache(new BuiltInUserStore([Claire()]), clock);
        cache.Authenticate("claire", "claire-secret");

        cache.Authenticate("claire", "wrong").Should().BeNull();
        cache.Authenticate("claire", "wrong").Should().BeNull();
        cache.Authenticate("nobody", "claire-secret").Should().BeNull();
        cache.Authenticate("claire", "claire-secret ").Should().BeNull();

        cache.Count.Should().Be(1, "only the one verified credential is kept");
    }

    [Fact]
    public void A_remembered_credential_expires_and_is_verified_again()
    {
        var claire = Claire();
        var cache = new VerifiedCredentialCache(new BuiltInUserStore([claire]), clock, TimeSpan.FromSeconds(30));
        cache.Authenticate("claire", "claire-secret");

        clock.Advance(TimeSpan.FromSeconds(31));
        claire.PasswordHash = PasswordHashing.Hash("new-secret");

        cache.Authenticate("claire", "claire-secret").Should().BeNull("after expiry the password is checked against the hash again");
    }

    [Fact]
    public void A_user_whose_password_hash_changed_is_not_served_from_the_cache()
    {
        var claire = Claire();
        var cache = new VerifiedCredentialCache(new BuiltInUserStore([claire]), clock);
        cache.Authenticate("claire", "claire-secret");

        claire.PasswordHash = PasswordHashing.Hash("new-secret");

        cache.Authenticate("claire", "claire-secret").Should().BeNull();
        cache.Authenticate("claire", "new-secret").Should().BeSameAs(claire);
    }

    [Fact]
    public void A_user_replaced_in_the_store_is_not_served_from_the_old_entry()
    {
        var cache = new VerifiedCredentialCache(new BuiltInUserStore([Claire()]), clock);
        cache.Authenticate("claire", "claire-secret");
        var other = new VerifiedCredentialCache(new BuiltInUserStore([Claire(PasswordHashing.Hash("other"))]), clock);

        other.Authenticate("claire", "claire-secret").Should().BeNull("each cache belongs to its store and its process key");
    }

    [Fact]
    public void Forgetting_a_user_drops_its_remembered_credentials()
    {
        var claire = Claire();
        var cache = new VerifiedCredentialCache(new BuiltInUserStore([claire]), clock);
        cache.Authenticate("claire", "claire-secret");

        cache.Forget("CLAIRE");

        cache.Count.Should().Be(0);
        cache.Authenticate("claire", "claire-secret").Should().BeSameAs(claire);
    }

    [Fact]
    public void A_full_cache_makes_room_instead_of_growing()
    {
        var users = Enumerable.Range(0, 5).Select(i => new BuiltInUser { UserName = $"u{i}", PasswordHash = ClaireHash, Roles = { Roles.Collector } }).ToList();
        var cache = new VerifiedCredentialCache(new BuiltInUserStore(users), clock, capacity: 3);

        foreach (var user in users)
        {
            cache.Authenticate(user.UserName, "claire-secret").Should().BeSameAs(user);
        }

        cache.Count.Should().BeLessThanOrEqualTo(3);
    }
}
