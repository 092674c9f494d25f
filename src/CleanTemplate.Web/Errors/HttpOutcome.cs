using CleanTemplate.Application.Common.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CleanTemplate.Web.Errors;

/// <summary>
/// A use case's result whose success is already an HTTP result. <c>Or&lt;...&gt;</c> names the problems the endpoint
/// declares, in the order of its <c>Results&lt;...&gt;</c>, and answers the failure with the one of its kind.
/// </summary>
internal readonly struct HttpOutcome<TSuccess>(TSuccess success, Error? error)
    where TSuccess : IResult
{
    public Results<TSuccess, T1> Or<T1>()
        where T1 : IProblemResult<T1> =>
        error is null ? success : Problem<T1>(error);

    public Results<TSuccess, T1, T2> Or<T1, T2>()
        where T1 : IProblemResult<T1>
        where T2 : IProblemResult<T2> =>
        error is null ? success : Is<T1>(error) ? T1.From(error) : Problem<T2>(error);

    public Results<TSuccess, T1, T2, T3> Or<T1, T2, T3>()
        where T1 : IProblemResult<T1>
        where T2 : IProblemResult<T2>
        where T3 : IProblemResult<T3> =>
        error is null ? success
        : Is<T1>(error) ? T1.From(error)
        : Is<T2>(error) ? T2.From(error)
        : Problem<T3>(error);

    public Results<TSuccess, T1, T2, T3, T4> Or<T1, T2, T3, T4>()
        where T1 : IProblemResult<T1>
        where T2 : IProblemResult<T2>
        where T3 : IProblemResult<T3>
        where T4 : IProblemResult<T4> =>
        error is null ? success
        : Is<T1>(error) ? T1.From(error)
        : Is<T2>(error) ? T2.From(error)
        : Is<T3>(error) ? T3.From(error)
        : Problem<T4>(error);

    public Results<TSuccess, T1, T2, T3, T4, T5> Or<T1, T2, T3, T4, T5>()
        where T1 : IProblemResult<T1>
        where T2 : IProblemResult<T2>
        where T3 : IProblemResult<T3>
        where T4 : IProblemResult<T4>
        where T5 : IProblemResult<T5> =>
        error is null ? success
        : Is<T1>(error) ? T1.From(error)
        : Is<T2>(error) ? T2.From(error)
        : Is<T3>(error) ? T3.From(error)
        : Is<T4>(error) ? T4.From(error)
        : Problem<T5>(error);

    private static bool Is<T>(Error error)
        where T : IProblemResult<T> => error.Kind == T.Kind;

    // An answer the signature does not list would be undocumented: a bug to fix in the endpoint, so a 500.
    private static T Problem<T>(Error error)
        where T : IProblemResult<T> => Is<T>(error)
        ? T.From(error)
        : throw new InvalidOperationException(
            $"The endpoint declares no {error.Kind} problem (\"{error.Message}\"): add it to its Results<...>.");
}
