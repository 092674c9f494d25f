using System.Diagnostics;
using CleanTemplate.Application.Common.Results;

namespace CleanTemplate.Application.Common.Behaviours;

/// <summary>
/// The use cases' spans: one per MediatR request, from <see cref="RequestTelemetryBehaviour{TRequest, TResponse}"/>,
/// on an <see cref="ActivitySource"/> named after this assembly. The host subscribes to it (Web, Observability).
/// </summary>
public static class RequestTelemetry
{
    /// <summary>The span's tag naming the use case.</summary>
    public const string UseCaseTag = "use_case.name";

    /// <summary>The span's tag with how the use case ended: success, an error kind (not_found), or exception.</summary>
    public const string ResultTag = "use_case.result";

    public static readonly ActivitySource Source = new(typeof(RequestTelemetry).Assembly.GetName().Name!);

    /// <summary>The request type's name without its Command or Query suffix.</summary>
    public static string UseCaseName(Type request)
    {
        var name = request.Name;
        foreach (var suffix in (ReadOnlySpan<string>)["Command", "Query"])
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
                return name[..^suffix.Length];
        }

        return name;
    }

    /// <summary>An error kind as a tag value: <c>not_found</c> for <see cref="ErrorKind.NotFound"/>.</summary>
    public static string KindOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "validation",
        ErrorKind.Unauthorized => "unauthorized",
        ErrorKind.Forbidden => "forbidden",
        ErrorKind.NotFound => "not_found",
        ErrorKind.Conflict => "conflict",
        _ => kind.ToString(),
    };
}
