namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>
/// Tells a database that cannot serve for now (down, starting up, refusing connections, out of pooled connections)
/// from a fault in the code, so the outer layer can answer "try again later" instead of an error.
/// </summary>
public interface ITransientFailureDetector
{
    /// <summary>True when <paramref name="exception"/>, or one it wraps, says the database cannot serve now.</summary>
    bool IsDatabaseUnavailable(Exception exception);
}
