using System.Diagnostics;
using OpenTelemetry;

namespace CleanTemplate.Web.Observability;

/// <summary>
/// Leaves out of the export the SQL commands that belong to no request, use case or job span: the outbox dispatcher's
/// and the standby checks' polls, a trace of one span each, every second, on every instance. SQL inside any span is
/// kept. Unmarked as recorded when they start, so no exporter receives them; the sampler (OTEL_TRACES_SAMPLER) still
/// decides everything else.
/// </summary>
internal sealed class UnparentedSqlFilter : BaseProcessor<Activity>
{
    public const string NpgsqlSource = "Npgsql";

    public override void OnStart(Activity data)
    {
        if (data.Source.Name == NpgsqlSource && data.ParentSpanId == default && data.Parent is null)
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }
}
