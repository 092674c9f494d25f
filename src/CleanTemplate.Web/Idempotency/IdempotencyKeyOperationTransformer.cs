using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CleanTemplate.Web.Idempotency;

/// <summary>
/// Shows the optional <c>Idempotency-Key</c> header on every POST under <c>/api</c>, where the middleware honours it.
/// </summary>
internal sealed class IdempotencyKeyOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(
        OpenApiOperation operation,
        OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var endpoint = context.Description;
        if (!HttpMethods.IsPost(endpoint.HttpMethod ?? "")
            || endpoint.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
            return Task.CompletedTask;

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKey.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description =
                "Makes the request safe to retry: repeating it with the same key and body replays the first answer.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MinLength = 1,
                MaxLength = IdempotencyKey.MaxLength,
                Pattern = "^[!-~]+$",
            },
        });
        return Task.CompletedTask;
    }
}
