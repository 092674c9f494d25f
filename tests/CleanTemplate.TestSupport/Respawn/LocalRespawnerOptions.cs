namespace CleanTemplate.TestSupport.Respawn;

/// <summary>The subset of Respawn's <c>RespawnerOptions</c> this stand-in honours, with the same meaning.</summary>
public sealed record LocalRespawnerOptions
{
    /// <summary>Tables kept as they are (reference data). Plain or schema-qualified names.</summary>
    public IReadOnlyCollection<string> TablesToIgnore { get; init; } = ["__EFMigrationsHistory"];

    /// <summary>Schemas whose tables are emptied.</summary>
    public IReadOnlyCollection<string> SchemasToInclude { get; init; } = ["public"];

    public ResetStrategy Strategy { get; init; } = ResetStrategy.Delete;
}

public enum ResetStrategy
{
    /// <summary>
    /// <c>DELETE</c> child tables before parents, then restart their identity sequences. Cheapest for the few rows a
    /// test writes (see the benchmark), and never touches kept tables.
    /// </summary>
    Delete,

    /// <summary>
    /// One <c>TRUNCATE ... RESTART IDENTITY</c> without <c>CASCADE</c>: CASCADE would also empty kept tables that
    /// reference an emptied one, so PostgreSQL refuses instead, and the error says which table.
    /// </summary>
    Truncate,
}
