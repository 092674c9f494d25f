namespace CleanTemplate.Application.Common.Results;

/// <summary>Lets a pipeline behaviour short-circuit with a failure without knowing the success type.</summary>
public interface IFailable<out TSelf>
    where TSelf : IFailable<TSelf>
{
#pragma warning disable CA1000
    static abstract TSelf Failure(Error error);
#pragma warning restore CA1000
}
