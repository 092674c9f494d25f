using CleanTemplate.Application.Common.Behaviours;
using CleanTemplate.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CleanTemplate.Web.Observability;

/// <summary>
/// OpenTelemetry for the host: traces of every HTTP request (ASP.NET Core), outgoing HTTP call, SQL command (Npgsql),
/// use case (one span per MediatR request) and outbox publish (RabbitMQ), in one trace per request; metrics of
/// request durations, HTTP calls and Npgsql's pools; logs with their trace and span ids. Exported only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: the standard <c>OTEL_*</c> variables configure the OTLP exporter
/// (protocol, headers, service name, sampler), and without them nothing leaves the process and spans are not recorded.
/// </summary>
internal static class Telemetry
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string SamplerVariable = "OTEL_TRACES_SAMPLER";

    /// <summary><c>Telemetry:Enabled</c>: true by default; false leaves OpenTelemetry out.</summary>
    public const string EnabledKey = "Telemetry:Enabled";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue(EnabledKey, defaultValue: true))
            return services;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service instead (the SDK reads it).
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                    resource.AddService(typeof(Telemetry).Assembly.GetName().Name!);
            })
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.RecordException = true)
                .AddHttpClientInstrumentation()
                .AddSource(RequestTelemetry.Source.Name)
                .AddInfrastructureInstrumentation()
                .AddProcessor(new UnparentedSqlFilter()))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddInfrastructureInstrumentation())
            .WithLogging();
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter();
        }
        else if (string.IsNullOrWhiteSpace(configuration[SamplerVariable]))
        {
            // Nothing exports, so nothing is recorded: spans are still started and carry their trace ids (in logs,
            // in the outbox's traceparent), but not filled, which costs a fraction. OTEL_TRACES_SAMPLER overrides it.
            telemetry.WithTracing(tracing => tracing.SetSampler(new ParentBasedSampler(new AlwaysOffSampler())));
        }

        return services;
    }
}
