using System.Security.Cryptography;
using Npgsql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// A throwaway login role with a generated name (lowercase hex, so it needs no quoting) and a generated or given
/// password, for tests that must run as something less than the superuser. Disposing it revokes what it was granted in
/// each database and drops it.
/// </summary>
public sealed class LoginRole : IAsyncDisposable
{
    private readonly string _adminConnectionString;
    private readonly string _password;
    private readonly List<string> _databases = [];

    private LoginRole(string adminConnectionString, string name, string password)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        _password = password;
    }

    public string Name { get; }

    /// <summary>Creates the role, with <paramref name="password"/> or a generated one.</summary>
    public static async Task<LoginRole> CreateAsync(string adminConnectionString, string? password = null)
    {
        var name = $"role_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        password ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        // CREATE ROLE takes no bind parameters: the server quotes both values (%I, %L); the statement it returns runs.
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var format = new NpgsqlCommand(
                "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', $1, $2)", connection)
            {
                Parameters = { new() { Value = name }, new() { Value = password } },
            };
            var create = (string)(await format.ExecuteScalarAsync())!;
            await using var command = new NpgsqlCommand(create, connection);
            await command.ExecuteNonQueryAsync();
        }

        return new LoginRole(adminConnectionString, name, password);
    }

    /// <summary>Runs GRANT statements in a database, <c>{0}</c> standing for the role's name.</summary>
    public async Task GrantAsync(string databaseConnectionString, string grants)
    {
        await ExecuteAsync(
            databaseConnectionString, string.Format(System.Globalization.CultureInfo.InvariantCulture, grants, Name));
        _databases.Add(databaseConnectionString);
    }

    /// <summary>The same database and server, signed in as this role.</summary>
    public string ConnectionString(string databaseConnectionString) =>
        new NpgsqlConnectionStringBuilder(databaseConnectionString)
        {
            Username = Name,
            Password = _password,
            Pooling = false,
        }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        // DROP OWNED revokes the role's privileges in the current database only; a dropped database took them with it.
        foreach (var database in _databases)
        {
            try
            {
                await ExecuteAsync(database, $"DROP OWNED BY {Name}");
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
            }
        }

        await ExecuteAsync(_adminConnectionString, $"DROP ROLE {Name}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
