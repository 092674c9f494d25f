namespace CleanTemplate.Web.Errors;

/// <summary>Bound from the <c>Errors</c> section.</summary>
public sealed class ErrorResponseOptions
{
    public const string SectionName = "Errors";

    /// <summary>The <c>Retry-After</c> of a 503 answered while the database is unavailable, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}
