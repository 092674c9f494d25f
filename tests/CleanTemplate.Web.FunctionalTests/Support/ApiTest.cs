namespace CleanTemplate.Web.FunctionalTests.Support;

/// <summary>Base of HTTP test classes: one host per class, the database emptied before every test.</summary>
public abstract class ApiTest(WebApiFactory factory) : IClassFixture<WebApiFactory>, IAsyncLifetime
{
    protected WebApiFactory Factory { get; } = factory;

    protected HttpClient Anonymous { get; } = factory.CreateClient();

    public virtual Task InitializeAsync() => Factory.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
