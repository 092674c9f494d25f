using CleanTemplate.Application.Users.Commands.LoginUser;
using CleanTemplate.Infrastructure.Persistence.Diagnostics;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using CleanTemplate.TestSupport.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.Diagnostics;

public sealed class SqlLoggingTests(SqlLoggingTests.LogSqlFixture fixture)
    : HandlerTest<SqlLoggingTests.LogSqlFixture>(fixture)
{
    public sealed class LogSqlFixture : ApplicationFixture
    {
        public const int ThresholdMilliseconds = 250;

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            settings["Database:LogSql"] = "true";
            settings["Database:SlowQueryThresholdMilliseconds"] =
                ThresholdMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private IReadOnlyList<CapturedLogEntry> SqlLog => Fixture.Logs.From<SqlCommandLogger>();

    [Fact]
    public async Task Every_command_of_a_use_case_is_logged_with_its_duration_and_sql()
    {
        var user = TestUsers.New("logged");
        await Scope.ArrangeAsync(user);
        Fixture.Logs.Clear();

        var result = await Scope.SendAsync(new LoginUserCommand(user.Email, TestUsers.Password));

        result.IsSuccess.ShouldBeTrue();
        var entry = SqlLog.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Information);
        entry.Message.ShouldMatch(@"^SQL command took \d+(\.\d)? ms \[@\w+=\?\]");
        entry.Message.ShouldContain("FROM users");
    }

    [Fact]
    public async Task Parameter_values_are_not_logged_unless_switched_on()
    {
        var email = "hidden-value@example.com";
        Fixture.Logs.Clear();

        await Scope.Db.Users.Where(user => user.Email == email).ToListAsync();

        var entry = SqlLog.ShouldHaveSingleItem();
        entry.Message.ShouldContain("[@email=?]");
        Fixture.Logs.Entries.ShouldAllBe(logged => !logged.Message.Contains("hidden-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_command_slower_than_the_threshold_is_a_warning_with_its_sql()
    {
        Fixture.Logs.Clear();

        await Scope.Db.Database.ExecuteSqlRawAsync("SELECT pg_sleep(0.3)");

        var entry = SqlLog.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Message.ShouldStartWith("Slow SQL command took ");
        entry.Message.ShouldContain($"over {LogSqlFixture.ThresholdMilliseconds} ms");
        entry.Message.ShouldContain("SELECT pg_sleep(0.3)");
    }
}
