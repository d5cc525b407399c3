namespace OrderToCash.Core.Customers;

/// <summary>
/// A person at the customer we write to: invoices, reminders and statements go to its contacts (accounts payable
/// first). Owned by the customer; the e-mail address is checked when the contact is made.
/// </summary>
public sealed class CustomerContact
{
    private CustomerContact()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public string Name { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public ContactRole Role { get; private set; }

    /// <summary>A contact with a checked e-mail address; <see cref="ArgumentException"/> naming the field otherwise.</summary>
    public static CustomerContact Create(string name, string email, ContactRole role)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw new ArgumentException("A contact needs a name of 1 to 200 characters.", nameof(name));
        }

        if (EmailAddress.Problem(email) is { } problem)
        {
            throw new ArgumentException(problem, nameof(email));
        }

        if (!Enum.IsDefined(role))
        {
            throw new ArgumentException($"Contact role '{role}' is not one of {string.Join(", ", Enum.GetNames<ContactRole>())}.", nameof(role));
        }

        return new CustomerContact { Name = name.Trim(), Email = email, Role = role };
    }
}
