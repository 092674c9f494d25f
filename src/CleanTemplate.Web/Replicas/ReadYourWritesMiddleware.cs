using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Web.Errors;

namespace CleanTemplate.Web.Replicas;

/// <summary>
/// When standbys take reads: a response to a request that committed carries the commit's WAL position in
/// <see cref="HeaderName"/>, and a request that sends it back reads only from a standby that has replayed it, on any
/// instance. Clients that never send it still see their own writes on this instance (docs/read-replicas.md).
/// </summary>
internal sealed class ReadYourWritesMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Commit-Lsn";

    private static readonly Error MalformedPosition =
        Error.Validation(HeaderName, "must be a WAL position as this API sent it, like 0/16B3748, sent once");

    public async Task InvokeAsync(HttpContext context, IReadYourWrites readYourWrites)
    {
        if (context.Request.Headers.TryGetValue(HeaderName, out var sent)
            && (sent is not [{ } position] || !readYourWrites.TryFollow(position)))
        {
            await MalformedPosition.ToProblem().ExecuteAsync(context);
            return;
        }

        context.Response.OnStarting(async () =>
        {
            if (await readYourWrites.CommittedPositionAsync(context.RequestAborted) is { } committed)
                context.Response.Headers[HeaderName] = committed;
        });
        await next(context);
    }
}
