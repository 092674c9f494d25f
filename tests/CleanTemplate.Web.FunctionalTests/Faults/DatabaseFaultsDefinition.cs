namespace CleanTemplate.Web.FunctionalTests.Faults;

/// <summary>
/// Tests that crash a server of their own run alone, after the parallel ones, so neither slows the other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatabaseFaultsDefinition
{
    public const string Name = "Database faults";
}
