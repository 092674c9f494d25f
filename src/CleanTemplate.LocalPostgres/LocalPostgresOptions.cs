namespace CleanTemplate.LocalPostgres;

/// <summary>Where and how <see cref="LocalPostgresCluster"/> runs a PostgreSQL server.</summary>
public sealed record LocalPostgresOptions
{
    /// <summary>
    /// The cluster folder (PGDATA). An ephemeral cluster must live at <c>EphemeralRoot/&lt;run&gt;/data</c> so that
    /// orphan clean-up can find it; <see cref="ForTests"/> picks such a folder.
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>Delete the folder on dispose, and let later runs remove it if this process dies first.</summary>
    public bool Ephemeral { get; init; }

    /// <summary>Trade durability for speed; only for data that may be lost.</summary>
    public bool TunedForTests { get; init; }

    /// <summary>0 picks a free loopback port on every start.</summary>
    public int Port { get; init; }

    /// <summary>
    /// A throwaway, test-tuned cluster in a fresh folder under <see cref="LocalPostgresCluster.EphemeralRoot"/>; for a
    /// throwaway cluster with full durability, turn <see cref="TunedForTests"/> off with <c>with</c>.
    /// </summary>
    public static LocalPostgresOptions ForTests() => new()
    {
        DataDirectory = EphemeralRuns.NewDataDirectory(),
        Ephemeral = true,
        TunedForTests = true,
    };
}
