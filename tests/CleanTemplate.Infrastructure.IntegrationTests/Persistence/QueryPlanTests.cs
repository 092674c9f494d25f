using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using CleanTemplate.TestSupport.Queries;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence;

public sealed class QueryPlanTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    /// <summary>The worked example of docs/sql.md.</summary>
    [Fact]
    public async Task ExplainAsync_runs_the_query_with_its_parameters_and_returns_the_analyzed_plan()
    {
        var user = TestUsers.New("explained");
        await Scope.ArrangeAsync(user, TestUsers.New("other"));
        var email = user.Email;

        var plan = await Scope.Db.Users.Include(u => u.Profile).Where(u => u.Email == email).ExplainAsync();

        plan.ShouldMatch(
            @"^Nested Loop .* \(actual time=[0-9.]+ rows=1 loops=1\)", "the top node returns the one matching user");
        plan.ShouldContain("Index Scan using ix_users_email on users");
        plan.ShouldContain("Buffers: shared hit=");
        plan.ShouldMatch(@"Execution Time: [0-9.]+ ms");
    }
}
