namespace CleanTemplate.Application.Common.Results;

/// <summary>What a behaviour reads of any result, whatever its value type: the error, or null on success.</summary>
public interface IOutcome
{
    Error? Error { get; }
}
