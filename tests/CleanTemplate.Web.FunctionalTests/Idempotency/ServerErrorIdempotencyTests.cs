using System.Net;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Web.FunctionalTests.Idempotency;

public sealed class ServerErrorIdempotencyTests(ServerErrorIdempotencyTests.FailingOnceFactory factory)
    : IClassFixture<ServerErrorIdempotencyTests.FailingOnceFactory>
{
    /// <summary>The host with a password hasher that throws on its first use: one registration answers 500.</summary>
    public sealed class FailingOnceFactory : WebApiFactory
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<IPasswordHasher, FailingOncePasswordHasher>();
    }

    private sealed class FailingOncePasswordHasher : IPasswordHasher
    {
        private int _calls;

        public string Hash(string password) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new InvalidOperationException("The hasher fails once.")
                : $"test-hash:{password}";

        public bool Verify(string hash, string password) => hash == $"test-hash:{password}";
    }

    [Fact]
    public async Task A_500_is_not_stored_so_the_same_key_can_be_retried()
    {
        await factory.ResetDatabaseAsync();
        var client = factory.CreateClient();
        var registration = new { user = new { username = "jake", email = "jake@example.com", password = "password1" } };

        var failed = await client.PostWithKeyAsync("/api/users", registration, "register-jake");
        (await factory.ScalarAsync<long>("SELECT count(*) FROM idempotency_keys")).ShouldBe(0);
        var retried = await client.PostWithKeyAsync("/api/users", registration, "register-jake");

        await failed.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        await retried.ShouldBeJsonAsync(HttpStatusCode.Created);
        retried.IsReplay().ShouldBeFalse();
        (await factory.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(1);
        (await factory.StoredAnswerAsync("register-jake")).StatusCode.ShouldBe(201);
    }
}
