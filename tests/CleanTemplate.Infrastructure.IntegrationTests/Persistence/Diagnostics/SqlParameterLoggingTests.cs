using CleanTemplate.Infrastructure.Persistence.Diagnostics;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.Diagnostics;

public sealed class SqlParameterLoggingTests(SqlParameterLoggingTests.LogSqlParametersFixture fixture)
    : HandlerTest<SqlParameterLoggingTests.LogSqlParametersFixture>(fixture)
{
    public sealed class LogSqlParametersFixture : ApplicationFixture
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            settings["Database:LogSql"] = "true";
            settings["Database:LogSqlParameters"] = "true";
        }
    }

    [Fact]
    public async Task Parameter_values_are_logged_when_switched_on()
    {
        var email = "shown-value@example.com";
        Fixture.Logs.Clear();

        await Scope.Db.Users.Where(user => user.Email == email).ToListAsync();

        var entry = Fixture.Logs.From<SqlCommandLogger>().ShouldHaveSingleItem();
        entry.Message.ShouldContain("[@email='shown-value@example.com']");
    }
}
