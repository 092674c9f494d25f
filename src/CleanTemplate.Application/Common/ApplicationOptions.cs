namespace CleanTemplate.Application.Common;

/// <summary>Bound from the <c>Application</c> configuration section.</summary>
public sealed class ApplicationOptions
{
    public const string SectionName = "Application";

    public int SlowRequestThresholdMilliseconds { get; set; } = 500;
}
