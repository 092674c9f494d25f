using CleanTemplate.Web.Endpoints.Users;

namespace CleanTemplate.Web.RateLimiting;

/// <summary>Refuses a sign-in over its account's limit before the use case runs; a body with no email passes.</summary>
internal sealed class LoginAccountRateLimitFilter(LoginAccountLimiter limiter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var email = context.Arguments.OfType<UserEnvelope<LoginUserRequest>>().FirstOrDefault()?.User?.Email;
        if (string.IsNullOrWhiteSpace(email))
            return await next(context);

        using var lease = limiter.Acquire(email);
        return lease.IsAcquired ? await next(context) : TooManyRequests.Problem(context.HttpContext, lease);
    }
}
