using System.Diagnostics;

namespace CleanTemplate.Infrastructure;

/// <summary>
/// The outbox's publish spans, on an <see cref="ActivitySource"/> named after this assembly; the host subscribes to
/// it, with Npgsql's, through <c>DependencyInjection.AddInfrastructureInstrumentation</c>.
/// </summary>
internal static class InfrastructureTelemetry
{
    public static readonly ActivitySource Source = new(typeof(InfrastructureTelemetry).Assembly.GetName().Name!);
}
