using System.Text.Json;
using System.Globalization;
using CleanTemplate.Application.Common.Exceptions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Web.Identity;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Web.Errors;

/// <summary>
/// Exceptions that reach HTTP: malformed requests (400), a write for a signed-in user whose row is gone (401), a unique
/// key lost to a concurrent write or a stale row version (409), a database that cannot serve for now (503 with
/// <c>Retry-After</c>), and the unexpected (500, with the exception text only in Development).
/// </summary>
internal sealed class GlobalExceptionHandler(
    IProblemDetailsService problemDetails,
    ITransientFailureDetector transientFailures,
    IOptions<ErrorResponseOptions> options,
    IHostEnvironment environment,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    ILogger<GlobalExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException badRequest => BadRequest(httpContext, badRequest),
            ConcurrencyConflictException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The resource was changed by someone else.",
                Detail = "Reload it and apply your change again.",
            },
            SignedInUserNotFoundException => new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "The signed-in user does not exist.",
                Detail = "Sign in again.",
            },
            UniqueConstraintViolationException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The resource already exists.",
                Detail = $"A concurrent change already holds this unique value ({conflict.ConstraintName}).",
            },
            _ when transientFailures.IsDatabaseUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is unavailable for now.",
                Detail = "Try again later.",
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = environment.IsDevelopment() ? exception.ToString() : null,
            },
        };

        var request = httpContext.Request;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // An outage is the operator's to fix, not a bug: a warning per request, without the stack trace.
            var reason = exception.GetBaseException().Message;
            logger.LogWarning(
                "Database unavailable for {Method} {Path}: {Reason}", request.Method, request.Path, reason);
            var retryAfter = options.Value.RetryAfterSeconds;
            httpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }
        else if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", request.Method, request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        // The same challenge as a token refused by the authentication scheme.
        if (problem.Status == StatusCodes.Status401Unauthorized)
            httpContext.Response.Headers.WWWAuthenticate = TokenChallenge.Scheme;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// What the endpoint could not read, in the API's terms (a JSON field and what it must be), never the framework's
    /// message naming .NET types and parameters, which only Development shows.
    /// </summary>
    private ProblemDetails BadRequest(HttpContext httpContext, BadHttpRequestException badRequest)
    {
        if (badRequest.InnerException is JsonException reader)
        {
            // The handler runs with the endpoint cleared; the feature keeps the one that threw.
            var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
            var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            return JsonBindingProblem.From(reader, bodyType, json.Value.SerializerOptions);
        }

        return new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status415UnsupportedMediaType
                ? "Unsupported Media Type"
                : "The request is malformed.",
            Detail = environment.IsDevelopment() ? badRequest.Message : badRequest.StatusCode switch
            {
                StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json in UTF-8.",
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                _ => "The request has no JSON body, or a value of the wrong type.",
            },
        };
    }
}
