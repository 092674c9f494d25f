using System.Net;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Domain.Users.Events;
using CleanTemplate.Web.FunctionalTests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Web.FunctionalTests.Idempotency;

public sealed class FailureAfterCommitIdempotencyTests(
    FailureAfterCommitIdempotencyTests.FailingAfterCommitFactory factory)
    : IClassFixture<FailureAfterCommitIdempotencyTests.FailingAfterCommitFactory>
{
    /// <summary>
    /// The host with one more handler of the event a registration publishes after its commit, which throws the first
    /// time: the user is saved, yet the request answers 500.
    /// </summary>
    public sealed class FailingAfterCommitFactory : WebApiFactory
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<INotificationHandler<DomainEventNotification<UserRegistered>>, FailsOnce>();
    }

    private sealed class FailsOnce : INotificationHandler<DomainEventNotification<UserRegistered>>
    {
        private int _calls;

        public Task Handle(DomainEventNotification<UserRegistered> notification, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new InvalidOperationException("Fails after the commit, once.")
                : Task.CompletedTask;
    }

    [Fact]
    public async Task A_500_after_the_commit_keeps_the_key_so_a_retry_cannot_write_again()
    {
        await factory.ResetDatabaseAsync();
        var client = factory.CreateClient();
        var registration = new { user = new { username = "jake", email = "jake@example.com", password = "password1" } };

        var failed = await client.PostWithKeyAsync("/api/users", registration, "register-jake");
        var retried = await client.PostWithKeyAsync("/api/users", registration, "register-jake");

        await failed.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        await retried.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await factory.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(1);
        (await factory.ScalarAsync<long>("SELECT count(*) FROM idempotency_keys WHERE answer IS NULL")).ShouldBe(1);
    }
}
