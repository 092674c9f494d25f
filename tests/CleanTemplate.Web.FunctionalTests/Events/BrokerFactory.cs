using System.Data.Common;
using CleanTemplate.TestSupport.Messaging;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Web.FunctionalTests.Events;

/// <summary>
/// The app with its outbox delivered to a throwaway RabbitMQ node of the class's own, polled every 100 ms and
/// retried after 100 ms (at most 1 s), so the tests wait for delivery in a fraction of the production intervals.
/// </summary>
public class BrokerFactory : WebApiFactory
{
    private RabbitMqNode? _broker;

    /// <summary>Why these tests cannot run here, or null.</summary>
    public static string? SkipReason => RabbitMqNode.NotInstalled;

    public RabbitMqNode Broker => _broker ?? throw new InvalidOperationException("No broker runs here.");

    /// <summary>Once armed, ends the dispatcher's session as it marks events published.</summary>
    public MarkFailure Marks { get; } = new();

    public override async Task InitializeAsync()
    {
        if (SkipReason is null)
            _broker = await RabbitMqNode.StartAsync();
        await base.InitializeAsync();
        Marks.AdminConnectionString = Database.ConnectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_broker is null)
            return;
        builder.UseSetting("ConnectionStrings:RabbitMq", _broker.ConnectionString);
        builder.UseSetting("Outbox:PollIntervalMilliseconds", "100");
        builder.UseSetting("Outbox:RetryDelayMilliseconds", "100");
        builder.UseSetting("Outbox:MaxRetryDelaySeconds", "1");
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IInterceptor>(Marks);

    protected override async ValueTask DisposeServerAsync()
    {
        if (_broker is not null)
            await _broker.DisposeAsync();
    }

    public sealed class MarkFailure : DbCommandInterceptor
    {
        private int _armed;

        public string AdminConnectionString { get; set; } = "";

        public int Failed { get; private set; }

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            await FailIfMarkingAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            await FailIfMarkingAsync(command);
            return result;
        }

        private async Task FailIfMarkingAsync(DbCommand command)
        {
            if (!command.CommandText.Contains("UPDATE outbox_events", StringComparison.Ordinal)
                || Interlocked.CompareExchange(ref _armed, 0, 1) != 1)
            {
                return;
            }

            await ServerSessions.EndAsync(AdminConnectionString, command.Connection!);
            Failed++;
        }
    }
}
