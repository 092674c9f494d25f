using Npgsql;
using Respawn;
using Respawn.Graph;

namespace CleanTemplate.TestSupport.Respawn;

/// <summary>
/// How the tests that commit (the HTTP tests) empty their database between tests: one Respawn
/// <see cref="Respawner"/> per database, created once (it reads the schema) and reused for every reset.
/// </summary>
public static class TestRespawner
{
    /// <summary>
    /// Every table of <c>public</c> is emptied except EF's migration history. Identities are not restarted
    /// (<c>WithReseed</c>): no test depends on an id's value, and a reset without it costs about half as much
    /// (README, Benchmarks).
    /// </summary>
    public static RespawnerOptions Options { get; } = new()
    {
        DbAdapter = DbAdapter.Postgres,
        SchemasToInclude = ["public"],
        TablesToIgnore = [new Table("public", "__EFMigrationsHistory")],
        WithReseed = false,
    };

    /// <summary>
    /// A respawner for the database <paramref name="connection"/> is open on. Fails, naming the table, when a kept table
    /// has a foreign key to an emptied one: Respawn's single <c>TRUNCATE ... CASCADE</c> would empty it too.
    /// </summary>
    public static async Task<Respawner> CreateAsync(NpgsqlConnection connection, RespawnerOptions? options = null)
    {
        var respawner = await Respawner.CreateAsync(connection, options ?? Options);
        await TruncateCascadeGuard.ThrowIfKeptTablesReferenceEmptiedAsync(connection, respawner.Options);
        return respawner;
    }
}
