using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CleanTemplate.Web.Identity;

/// <summary>Declares the RealWorld <c>Authorization: Token &lt;jwt&gt;</c> scheme so Swagger UI can send it.</summary>
internal sealed class TokenSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[TokenChallenge.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "Enter: Token <jwt> (Bearer <jwt> is accepted too)",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(TokenChallenge.Scheme, document)] = [],
        });
        return Task.CompletedTask;
    }
}
