using System.Text.Json.Serialization;
using CleanTemplate.Application.Common.Interfaces;
//#if (conduit)
using CleanTemplate.Web.Endpoints.Articles;
//#endif
using CleanTemplate.Web.Errors;
using CleanTemplate.Web.Idempotency;
using CleanTemplate.Web.Observability;
using CleanTemplate.Web.Identity;
using CleanTemplate.Web.RateLimiting;
using CleanTemplate.Web.Replicas;
using CleanTemplate.Web.Requests;
using CleanTemplate.Web.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;

namespace CleanTemplate.Web;

public static class DependencyInjection
{
    public const string CorsPolicy = "Frontends";

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        services.AddTelemetry(configuration);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsEnricher.Enrich);
        services.AddExceptionHandler<GlobalExceptionHandler>();
        services.AddOptions<ErrorResponseOptions>()
            .Bind(configuration.GetSection(ErrorResponseOptions.SectionName))
            .Validate(options => options.RetryAfterSeconds > 0, "Errors:RetryAfterSeconds must be at least 1.")
            .ValidateOnStart();
        // Malformed JSON throws, so the exception handler answers it with a ProblemDetails like every other error.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.Converters.Add(new UtcTimestampConverter());
            //#if (conduit)
            ArticleJsonContract.ApplyTo(options.SerializerOptions);
            //#endif
        });

        services.AddSignInRateLimiting(configuration);

        services.AddOpenApi(options => options
            .AddDocumentTransformer<TokenSecuritySchemeTransformer>()
            //#if (conduit)
            .AddOperationTransformer<PagingOperationTransformer>()
            //#endif
            .AddOperationTransformer<IdempotencyKeyOperationTransformer>());

        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
        {
            // RealWorld frontends run on their own origin; an empty list allows any (development convenience).
            if (origins.Length == 0)
                policy.AllowAnyOrigin();
            else
                policy.WithOrigins(origins);
            policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders(ReadYourWritesMiddleware.HeaderName);
        }));
        return services;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseCors(CorsPolicy);
        // Before the idempotency keys: a request refused for its rate is not an answer to keep.
        app.UseRateLimiter();
        app.UseAuthentication();
        // With standbys taking reads (ConnectionStrings:DatabaseReplicas): callers read their own writes.
        if (app.Services.GetService<IServiceProviderIsService>()?.IsService(typeof(IReadYourWrites)) == true)
            app.UseMiddleware<ReadYourWritesMiddleware>();
        // After authentication, because keys are scoped per caller; before the status code pages, so that what it
        // stores for a bodiless 4xx is the ProblemDetails the client received.
        app.UseMiddleware<IdempotencyMiddleware>();
        // Bodiless 4xx/5xx (401 from the auth challenge, 404 for unknown routes, ...) become ProblemDetails too.
        app.UseStatusCodePages();
        app.UseAuthorization();
        app.UseMiddleware<JsonCharsetMiddleware>();

        app.MapOpenApi();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/openapi/v1.json", "CleanTemplate API v1"));

        // Probes GET or HEAD; any other method answers 405.
        var probeMethods = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithMetadata(probeMethods);
        var readiness = new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") };
        app.MapHealthChecks("/health/ready", readiness)
            .WithMetadata(probeMethods);
        return app;
    }
}
