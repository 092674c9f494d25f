using System.Diagnostics;
using CleanTemplate.Application.Common.Idempotency;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Web.Errors;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace CleanTemplate.Web.Idempotency;

/// <summary>
/// Makes a POST under <c>/api</c> with an <c>Idempotency-Key</c> safe to retry: the first request runs, a repeat
/// replays its answer, and a failure frees the key only if it committed nothing. Why: docs/idempotency.md.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, ILogger<IdempotencyMiddleware> logger)
{
    // Not async itself, so that a request without a key (every read) costs no state machine of its own.
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        return HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/api")
            && request.Headers.TryGetValue(IdempotencyKey.HeaderName, out var keys)
                ? InvokeWithKeyAsync(context, keys)
                : next(context);
    }

    private async Task InvokeWithKeyAsync(HttpContext context, StringValues keys)
    {
        var request = context.Request;
        // Resolved here rather than as InvokeAsync parameters, so that requests without a key (every read) do not
        // pay for them: the store and the write count would lease a DbContext.
        var services = context.RequestServices;
        var store = services.GetRequiredService<IIdempotencyStore>();
        var caller = services.GetRequiredService<ICurrentUser>();
        var writes = services.GetRequiredService<ICommittedWrites>();

        if (keys.Count != 1 || !IdempotencyKey.IsWellFormed(keys[0]))
        {
            await IdempotencyErrors.MalformedKey.ToProblem().ExecuteAsync(context);
            return;
        }

        var key = keys[0]!;
        var scope = IdempotencyScope.Of(caller);
        var requestHash = await FingerprintAsync(request);
        var reservation = await store.TryReserveAsync(scope, key, requestHash, context.RequestAborted);
        await (reservation switch
        {
            IdempotencyReservation.Reserved => RunOnceAsync(context, store, writes, scope, key),
            IdempotencyReservation.Replay replay => context.Response.ReplayAsync(StoredResponse.Decode(replay.Answer)),
            IdempotencyReservation.Mismatch => IdempotencyErrors.KeyReused.ToProblem().ExecuteAsync(context),
            IdempotencyReservation.InFlight => IdempotencyErrors.InFlight.ToProblem().ExecuteAsync(context),
            _ => throw new UnreachableException($"Unknown reservation {reservation}."),
        });
    }

    /// <summary>Hashes the body and rewinds it, so the endpoint still reads all of it.</summary>
    private static async Task<byte[]> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var hash = await RequestFingerprint.ComputeAsync(
            request.Method, request.GetEncodedPathAndQuery(), request.Body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return hash;
    }

    private async Task RunOnceAsync(
        HttpContext context, IIdempotencyStore store, ICommittedWrites writes, string scope, string key)
    {
        var response = context.Response;
        var client = response.Body;
        using var recorded = new MemoryStream();
        response.Body = recorded;
        // A failed request may run again only if it committed nothing; if it did (a failure after the commit), the key
        // stays in flight.
        var committedBefore = writes.Count;
        Task ReleaseUnlessCommittedAsync() =>
            writes.Count == committedBefore ? ReleaseAsync(store, scope, key) : Task.CompletedTask;
        try
        {
            await next(context);
        }
        catch
        {
            // The exception handler answers (malformed JSON, a unique key lost to a race, a 500).
            await ReleaseUnlessCommittedAsync();
            throw;
        }
        finally
        {
            response.Body = client;
        }

        // A 429 is not an answer to the request, which did not run: a retry after Retry-After may run it.
        var status = response.StatusCode;
        if (status < StatusCodes.Status500InternalServerError && status != StatusCodes.Status429TooManyRequests)
            await CompleteAsync(store, scope, key, response.ToStoredResponse(recorded.ToArray()));
        else
            await ReleaseUnlessCommittedAsync();

        // Stored before the client sees a byte: whoever received this answer can have it replayed.
        recorded.Position = 0;
        await recorded.CopyToAsync(client, context.RequestAborted);
    }

    // The answer is final: store it even if the client has gone (no cancellation token). If the store fails, the
    // client still gets the real answer; the key then stays in flight (409) until it expires, never a second write.
    private async Task CompleteAsync(IIdempotencyStore store, string scope, string key, StoredResponse response)
    {
        try
        {
            await store.CompleteAsync(scope, key, response.Encode(), CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not store the response for idempotency key {Key} of {Scope}", key, scope);
        }
    }

    // A failed release must not hide the failure that led to it; the key then stays in flight until it expires.
    private async Task ReleaseAsync(IIdempotencyStore store, string scope, string key)
    {
        try
        {
            await store.ReleaseAsync(scope, key, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not release idempotency key {Key} of {Scope}", key, scope);
        }
    }
}
