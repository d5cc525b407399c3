using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Auth;

/// <summary>
/// With no user configured, a development host creates one demo user per role, with random passwords (never a
/// password in the repository). Hashes are kept in demo-users.json beside the embedded database, and the passwords
/// in demo-credentials.txt (readable by its owner only) so that the person who ran the host can sign in.
/// </summary>
internal static partial class DemoUsers
{
    /// <summary>The customer the demo customer user belongs to (one of the demo customers).</summary>
    public const string DemoCustomerId = "C-0001";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly (string UserName, string DisplayName, string Role)[] People =
    [
        ("process.owner", "Process owner", Roles.ProcessOwner),
        ("credit.manager", "Credit manager", Roles.CreditManager),
        // A release above the four-eyes threshold needs a second, different credit manager.
        ("credit.manager2", "Second credit manager", Roles.CreditManager),
        ("sales.admin", "Sales administration", Roles.SalesAdministration),
        ("salesperson", "Salesperson", Roles.Salesperson),
        // Two of each back-office role: the demo's accounts are shared between them (Core's DemoPeople).
        ("salesperson2", "Second salesperson", Roles.Salesperson),
        ("collector", "Collector", Roles.Collector),
        ("collector2", "Second collector", Roles.Collector),
        ("quality", "Quality team", Roles.Quality),
        ("customer", "Customer portal user", Roles.Customer),
        // A business role (ADR 0132): it works once a process owner creates "Finance" (POST /api/roles or the designer).
        ("finance", "Finance department", "Finance"),
        ("admin", "Administrator", Roles.Administrator),
    ];

    public static IReadOnlyList<BuiltInUser> Resolve(AuthOptions options, IHostEnvironment environment, DatabaseOptions database, ILogger logger)
    {
        if (options.Users.Count > 0)
        {
            return [.. options.Users];
        }

        if (!(options.DemoUsers ?? environment.IsDevelopment()))
        {
            // Outside development a host nobody can sign in to is a mistake, not a state to run in.
            throw new InvalidOperationException(
                $"No user is configured (Auth:Users) in the {environment.EnvironmentName} environment: nobody could sign in. "
                + "Configure users with password hashes from 'o2c users hash-password' (see appsettings.samples/), or set Auth:DemoUsers=true for a demonstration host.");
        }

        var folder = DataFolder(database);
        var usersFile = Path.Combine(folder, "demo-users.json");
        var credentialsFile = Path.Combine(folder, "demo-credentials.txt");
        var users = File.Exists(usersFile)
            ? JsonSerializer.Deserialize<List<BuiltInUser>>(File.ReadAllText(usersFile), Json)
                ?? throw new InvalidOperationException($"{usersFile} is empty; delete it to create new demo users.")
            : [];
        // A person added to the demo since the file was written (the second credit manager) is created now.
        var missing = People.Where(p => users.TrueForAll(u => !string.Equals(u.UserName, p.UserName, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count == 0)
        {
            return users;
        }

        var credentials = new StringBuilder(File.Exists(credentialsFile)
            ? File.ReadAllText(credentialsFile)
            : "# Demo users of this development host (user name, password, role). Delete demo-users.json to renew.\n");
        foreach (var (userName, displayName, role) in missing)
        {
            var password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
            var user = new BuiltInUser
            {
                UserName = userName,
                DisplayName = displayName,
                PasswordHash = PasswordHashing.Hash(password),
                CustomerId = role == Roles.Customer ? DemoCustomerId : null,
            };
            user.Roles.Add(role);
            users.Add(user);
            credentials.Append(System.Globalization.CultureInfo.InvariantCulture, $"{userName} {password} {role}\n");
        }

        OwnerOnlyFiles.CreateFolder(folder);
        WriteOwnerOnly(credentialsFile, credentials.ToString());
        WriteOwnerOnly(usersFile, JsonSerializer.Serialize(users, Json));
        LogCreated(logger, missing.Count, credentialsFile);
        return users;
    }

    private static string DataFolder(DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var dataSource = new SqliteConnectionStringBuilder(database.ResolveConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                return folder;
            }
        }

        return Path.GetDirectoryName(DatabaseOptions.DefaultSqlitePath)!;
    }

    /// <summary>Created readable by its owner only from the first byte (never world-readable, even for a moment).</summary>
    private static void WriteOwnerOnly(string path, string content)
    {
        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, OwnerOnlyFiles.NewFile());
        writer.Write(content);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created {Count} demo users with random passwords; their credentials are in {File}")]
    private static partial void LogCreated(ILogger logger, int count, string file);
}
