using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.Infrastructure.Persistence.Locks;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.Locks;

public sealed class AdvisoryLockTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_held_lock_makes_a_second_transaction_wait_until_the_first_ends()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await using var firstTransaction = await first.Db.Database.BeginTransactionAsync();
        await using var secondTransaction = await second.Db.Database.BeginTransactionAsync();
        await AdvisoryLock.AcquireForTransactionAsync(first.Db, "job", CancellationToken.None);

        var waiting = AdvisoryLock.AcquireForTransactionAsync(second.Db, "job", CancellationToken.None);
        await fixture.Database.WaitUntilASessionWaitsForALockAsync();
        waiting.IsCompleted.ShouldBeFalse();

        await firstTransaction.CommitAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Try_acquire_fails_while_another_transaction_holds_the_lock_and_succeeds_after()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await using var firstTransaction = await first.Db.Database.BeginTransactionAsync();
        await AdvisoryLock.AcquireForTransactionAsync(first.Db, "maintenance", CancellationToken.None);

        await using (await second.Db.Database.BeginTransactionAsync())
            (await TryAcquireAsync(second, "maintenance")).ShouldBeFalse();

        await firstTransaction.RollbackAsync();
        await using (await second.Db.Database.BeginTransactionAsync())
            (await TryAcquireAsync(second, "maintenance")).ShouldBeTrue();
    }

    [Fact]
    public async Task Different_names_do_not_block_each_other()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await using var firstTransaction = await first.Db.Database.BeginTransactionAsync();
        await using var secondTransaction = await second.Db.Database.BeginTransactionAsync();
        await AdvisoryLock.AcquireForTransactionAsync(first.Db, "one", CancellationToken.None);

        (await TryAcquireAsync(second, "two")).ShouldBeTrue();
    }

    [Fact]
    public async Task Taking_the_lock_outside_a_transaction_is_refused()
    {
        await using var session = await OpenAsync();

        await Should.ThrowAsync<InvalidOperationException>(
            () => AdvisoryLock.AcquireForTransactionAsync(session.Db, "job", CancellationToken.None));
    }

    private static Task<bool> TryAcquireAsync(Session session, string name) =>
        AdvisoryLock.TryAcquireForTransactionAsync(session.Db, name, CancellationToken.None);

    private async Task<Session> OpenAsync()
    {
        var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.Database.OpenConnectionAsync();
        return new Session(scope, db);
    }

    private sealed record Session(AsyncServiceScope Scope, ApplicationDbContext Db) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }
}
