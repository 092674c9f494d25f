using System.Net;
using System.Net.Sockets;
using CleanTemplate.Web.FunctionalTests.Support;
using Npgsql;

namespace CleanTemplate.Web.FunctionalTests.Hosting;

public sealed class DatabaseDownTests(DatabaseDownTests.UnreachableDatabaseFactory factory)
    : IClassFixture<DatabaseDownTests.UnreachableDatabaseFactory>
{
    /// <summary>The host pointed at a loopback port where nothing listens.</summary>
    public sealed class UnreachableDatabaseFactory : WebApiFactory
    {
        // No test database to create: the host never reaches one.
        public override Task InitializeAsync() => Task.CompletedTask;

        protected override string HostConnectionString => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = ClosedPort(),
            Database = "nowhere",
            Username = "nobody",
            Timeout = 2,
        }.ConnectionString;

        private static int ClosedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    [Fact]
    public async Task Ready_answers_503_and_live_200_when_the_database_is_down()
    {
        var client = factory.CreateClient();

        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refused_connection_is_a_503_problem_with_retry_after_and_no_stack_trace()
    {
        var client = factory.CreateClient();

        var login = new { user = new { email = "a@example.com", password = "password1" } };
        var response = await client.PostAsync("/api/users/login", System.Net.Http.Json.JsonContent.Create(login));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("detail").GetString().ShouldBe("Try again later.");
        response.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(" at ");
    }
}
