using Xunit;

namespace CleanTemplate.TestSupport.Composition;

/// <summary>
/// Base of handler (and persistence) test classes: a fresh rolled-back scope per test over the class's database.
/// </summary>
public abstract class HandlerTest<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : ApplicationFixture
{
    private HandlerTestScope? _scope;

    protected TFixture Fixture { get; } = fixture;

    protected HandlerTestScope Scope =>
        _scope ?? throw new InvalidOperationException("The test scope is not started.");

    public async Task InitializeAsync()
    {
        _scope = await Fixture.BeginScopeAsync();
        Fixture.QueryCounter.Reset();
    }

    public async Task DisposeAsync()
    {
        if (_scope is not null)
            await _scope.DisposeAsync();
    }
}

/// <summary>The usual case: the application composed as the host composes it.</summary>
public abstract class HandlerTest(ApplicationFixture fixture) : HandlerTest<ApplicationFixture>(fixture);
