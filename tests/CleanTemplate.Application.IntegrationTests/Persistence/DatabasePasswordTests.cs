using System.Security.Cryptography;
using System.Text;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Postgres;
using Npgsql;

namespace CleanTemplate.Application.IntegrationTests.Persistence;

public sealed class DatabasePasswordTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    // Every character that breaks a connection string built by concatenation, plus leading, inner and trailing spaces.
    private const string Password = " pa;ss=wo'rd#\"x y ";

    private readonly string _role = $"pw_{Guid.NewGuid():N}"[..20];

    [Fact]
    public void Build_keeps_a_password_with_special_characters_exactly()
    {
        var built = DatabaseConnectionString.Build(ConnectionStringFor(_role), new DatabaseOptions());

        new NpgsqlConnectionStringBuilder(built).Password.ShouldBe(Password);
    }

    /// <remarks>
    /// The throwaway cluster trusts loopback connections, so logging in proves only that the built string parses: the
    /// server would accept any password. What proves the round trip is the role's SCRAM verifier: the server derived it
    /// from the password it received through <c>format('%L')</c>, and it must match the password the built string carries.
    /// On a server that checks passwords (TEST_POSTGRES_CONNECTION), the login proves it as well.
    /// </remarks>
    [Fact]
    public async Task A_role_with_such_a_password_logs_in_with_the_built_connection_string()
    {
        var built = DatabaseConnectionString.Build(ConnectionStringFor(_role), new DatabaseOptions { MaxRetryCount = 0 });

        await using (var connection = new NpgsqlConnection(built))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_user", connection);
            (await command.ExecuteScalarAsync()).ShouldBe(_role);
        }

        NpgsqlConnection.ClearPool(new NpgsqlConnection(built));
        ScramVerifierMatches(await AdminScalarAsync("SELECT rolpassword FROM pg_authid WHERE rolname = @role"), new NpgsqlConnectionStringBuilder(built).Password!)
            .ShouldBeTrue("the password the server stored differs from the one in the built connection string");
    }

    public async Task InitializeAsync()
    {
        // CREATE ROLE takes no bind parameters: the server quotes both values (%I, %L) and the statement it returns is run.
        var create = await AdminScalarAsync("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', @role, @password)");
        await AdminExecuteAsync(create);
    }

    public async Task DisposeAsync() => await AdminExecuteAsync(await AdminScalarAsync("SELECT format('DROP ROLE IF EXISTS %I', @role)"));

    private string ConnectionStringFor(string role) =>
        new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString) { Username = role, Password = Password }.ConnectionString;

    private async Task<string> AdminScalarAsync(string sql)
    {
        await using var connection = await fixture.Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("role", _role);
        command.Parameters.AddWithValue("password", Password);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task AdminExecuteAsync(string sql)
    {
        await using var connection = await fixture.Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>RFC 5802/7677: a verifier <c>SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey</c> matches a password when H(HMAC(Hi(password), "Client Key")) is StoredKey.</summary>
    private static bool ScramVerifierMatches(string verifier, string password)
    {
        var parts = verifier.Split('$', ':');
        parts[0].ShouldBe("SCRAM-SHA-256");
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(parts[2]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), HashAlgorithmName.SHA256, 32);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        return Convert.ToBase64String(storedKey) == parts[3];
    }
}
