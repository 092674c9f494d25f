using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CleanTemplate.Web.RateLimiting;

/// <summary>ASP.NET Core rate limiting: sign-in and registration per client address, sign-in per account too.</summary>
internal static class RateLimitingSetup
{
    public const string LoginPolicy = "login";
    public const string RegistrationPolicy = "registration";

    // Behind a proxy every client shares its address unless forwarded headers are configured (see README).
    private const string UnknownAddress = "unknown";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>() ?? new();
        services.AddSingleton(_ => new LoginAccountLimiter(options));
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(LoginPolicy, http => PerAddress(http, options, options.LoginPerAddress));
            limiter.AddPolicy(RegistrationPolicy, http => PerAddress(http, options, options.RegistrationPerAddress));
            limiter.OnRejected = (rejected, _) =>
            {
                var context = rejected.HttpContext;
                return new ValueTask(TooManyRequests.Problem(context, rejected.Lease).ExecuteAsync(context));
            };
        });
        return services;
    }

    /// <summary>
    /// Sign-in: limited per client address by the middleware, then per account by a filter. Both answer 429 before the
    /// handler runs, so its signature cannot say so: the metadata is declared here.
    /// </summary>
    public static RouteHandlerBuilder WithLoginRateLimits(this RouteHandlerBuilder endpoint) => endpoint
        .RequireRateLimiting(LoginPolicy).AddEndpointFilter<LoginAccountRateLimitFilter>()
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Registration: limited per client address, with the 429 in the metadata too.</summary>
    public static RouteHandlerBuilder WithRegistrationRateLimit(this RouteHandlerBuilder endpoint) => endpoint
        .RequireRateLimiting(RegistrationPolicy)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static RateLimitPartition<string> PerAddress(
        HttpContext context, RateLimitingOptions options, FixedWindowLimit limit) =>
        options.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? UnknownAddress, _ => limit.ToLimiterOptions())
            : RateLimitPartition.GetNoLimiter(string.Empty);
}
