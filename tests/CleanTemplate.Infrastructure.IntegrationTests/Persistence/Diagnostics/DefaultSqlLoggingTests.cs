using CleanTemplate.Infrastructure.Persistence.Diagnostics;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.Diagnostics;

public sealed class DefaultSqlLoggingTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task Commands_under_the_slow_query_threshold_are_not_logged_by_default()
    {
        var email = "quiet@example.com";
        Fixture.Logs.Clear();

        await Scope.Db.Users.Where(user => user.Email == email).ToListAsync();

        Fixture.Logs.From<SqlCommandLogger>().ShouldBeEmpty();
    }
}
