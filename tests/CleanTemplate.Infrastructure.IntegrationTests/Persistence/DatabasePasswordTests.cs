using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Postgres;
using Npgsql;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence;

public sealed class DatabasePasswordTests(PostgresDatabaseFixture fixture)
    : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    // Every character that breaks a connection string built by concatenation, plus leading, inner and trailing spaces.
    private const string Password = " pa;ss=wo'rd#\"x y ";

    private LoginRole _role = null!;

    private string RoleConnectionString => _role.ConnectionString(fixture.Database.ConnectionString);

    [Fact]
    public void Build_keeps_a_password_with_special_characters_exactly()
    {
        var built = DatabaseConnectionString.Build(RoleConnectionString, new DatabaseOptions());

        new NpgsqlConnectionStringBuilder(built).Password.ShouldBe(Password);
    }

    /// <remarks>
    /// The throwaway cluster trusts loopback connections, so logging in proves only that the built string parses: the
    /// server would accept any password. What proves the round trip is the role's SCRAM verifier: the server derived it
    /// from the password it received through <c>format('%L')</c> (<see cref="LoginRole"/>), and it must match the
    /// password the built string carries.
    /// On a server that checks passwords (TEST_POSTGRES_CONNECTION), the login proves it as well.
    /// </remarks>
    [Fact]
    public async Task A_role_with_such_a_password_logs_in_with_the_built_connection_string()
    {
        var built = DatabaseConnectionString.Build(RoleConnectionString, new DatabaseOptions { MaxRetryCount = 0 });

        await using (var connection = new NpgsqlConnection(built))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_user", connection);
            (await command.ExecuteScalarAsync()).ShouldBe(_role.Name);
        }

        ScramVerifierMatches(await StoredVerifierAsync(), new NpgsqlConnectionStringBuilder(built).Password!)
            .ShouldBeTrue("the password the server stored differs from the one in the built connection string");
    }

    public async Task InitializeAsync() =>
        _role = await LoginRole.CreateAsync(fixture.Database.ConnectionString, Password);

    public async Task DisposeAsync() => await _role.DisposeAsync();

    private async Task<string> StoredVerifierAsync()
    {
        await using var connection = await fixture.Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT rolpassword FROM pg_authid WHERE rolname = $1", connection)
        {
            Parameters = { new() { Value = _role.Name } },
        };
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// RFC 5802/7677: a verifier <c>SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey</c> matches a password when
    /// H(HMAC(Hi(password), "Client Key")) is StoredKey.
    /// </summary>
    private static bool ScramVerifierMatches(string verifier, string password)
    {
        var parts = verifier.Split('$', ':');
        parts[0].ShouldBe("SCRAM-SHA-256");
        var iterations = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var salt = Convert.FromBase64String(parts[2]);
        var salted = Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        return Convert.ToBase64String(storedKey) == parts[3];
    }
}
