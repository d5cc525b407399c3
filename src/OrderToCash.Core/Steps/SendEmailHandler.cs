using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Steps;

/// <param name="Subject">Liquid template of the subject, over the task's inputs.</param>
/// <param name="Body">Liquid template of the text, over the task's inputs.</param>
/// <param name="To">Addresses (comma-separated), e.g. an expression reading a variable.</param>
/// <param name="ToRole">Every user of this role (configured or given it) who has an e-mail address (<c>Auth:Users:N:Email</c>).</param>
/// <param name="ToUser">This user (their e-mail address).</param>
/// <param name="CustomerId">The customer the e-mail is about, when it is about one (it is then listed with the customer's statements).</param>
public sealed record SendEmailInput(
    [LiteralCheck(typeof(TemplateCheck))] string Subject,
    [LiteralCheck(typeof(TemplateCheck))] string Body,
    string? To = null,
    string? ToRole = null,
    string? ToUser = null,
    string? CustomerId = null);

/// <param name="Recipients">The addresses written to, comma-separated.</param>
/// <param name="MessageId">The e-mail's Message-ID (the same for every delivery attempt).</param>
public sealed record SendEmailOutput(string Recipients, string MessageId);

/// <summary>
/// "Send an e-mail": renders the subject and text from their templates and queues the e-mail in the statement outbox
/// in the step's transaction (it exists if and only if the step commits); the reminder-delivery job sends it through
/// SMTP or the folder, retried with back-off, with one Message-ID (ADR 0068).
/// </summary>
[WorkflowHandler("email.send", "Sends an e-mail (or notification) from a Liquid template to addresses, a role's users or a user, through the outbox.")]
public sealed class SendEmailHandler(ReminderStatements outbox, BuiltInUserStore users, TimeProvider clock) : WorkflowHandler<SendEmailInput, SendEmailOutput>
{
    private const int MaxRecipients = 50;

    protected override ValueTask<SendEmailOutput> HandleAsync(SendEmailInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var recipients = Recipients(input, db);
        var subject = StepTemplate.Render(input.Subject, context.Inputs).ReplaceLineEndings(" ").Trim();
        var body = StepTemplate.Render(input.Body, context.Inputs);
        if (subject.Length is 0 or > 300)
        {
            throw new InvalidOperationException($"The rendered subject has {subject.Length} characters; it must have 1 to 300.");
        }

        var statement = outbox.Notify(db, input.CustomerId, subject, body, recipients, clock.GetUtcNow());
        return ValueTask.FromResult(new SendEmailOutput(statement.Recipients, db.Entry(statement).Property(s => s.MessageId).CurrentValue));
    }

    private List<string> Recipients(SendEmailInput input, OrderToCashDbContext db)
    {
        var addresses = new List<string>();
        foreach (var text in (input.To ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            addresses.Add(Customers.EmailAddress.Problem(text) is { } problem ? throw new InvalidOperationException($"{problem} (input 'to')") : text);
        }

        if (input.ToUser is { Length: > 0 } userName)
        {
            var user = users.Find(userName) ?? throw new InvalidOperationException($"There is no user '{userName}' (input 'toUser').");
            addresses.Add(user.Email ?? throw new InvalidOperationException($"The user '{userName}' has no e-mail address: set Auth:Users:N:Email."));
        }

        if (input.ToRole is { Length: > 0 } role)
        {
            // The role's users: configured with it, or given it as a business role (ADR 0132).
            var granted = RoleDirectory.UsersGranted(db, role).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var ofRole = users.Users.Where(u => (u.Roles.Contains(role, StringComparer.Ordinal) || granted.Contains(u.UserName)) && u.Email is not null).Select(u => u.Email!).ToList();
            addresses.AddRange(ofRole.Count > 0 ? ofRole : throw new InvalidOperationException($"No user of the role '{role}' has an e-mail address (input 'toRole'): set Auth:Users:N:Email."));
        }

        var distinct = addresses.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        return distinct.Count switch
        {
            0 => throw new InvalidOperationException("The e-mail has no recipient: map 'to', 'toRole' or 'toUser'."),
            > MaxRecipients => throw new InvalidOperationException($"The e-mail has {distinct.Count} recipients; at most {MaxRecipients}."),
            _ => distinct,
        };
    }
}
