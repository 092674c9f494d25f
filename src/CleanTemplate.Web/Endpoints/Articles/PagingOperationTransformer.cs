using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CleanTemplate.Web.Endpoints.Articles;

/// <summary>
/// <c>limit</c> and <c>offset</c> bind as text (<see cref="PagingParameters"/>) so that a bad value is a 422, but they
/// are whole numbers to a client: the document says so, as the RealWorld spec does.
/// </summary>
internal sealed class PagingOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter is { In: ParameterLocation.Query, Name: "limit" or "offset" })
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
        }

        return Task.CompletedTask;
    }
}
