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
    /// Every table of <c>public</c> is emptied except EF's migration history, with one <c>DELETE</c> per table in
    /// foreign-key order instead of Respawn's default <c>TRUNCATE ... CASCADE</c>: a test writes a few rows, and
    /// deleting them costs a fraction of truncating every table (decision 0009). Identities are not restarted
    /// (<c>WithReseed</c>): no test depends on an id's value.
    /// </summary>
    public static RespawnerOptions Options { get; } = new()
    {
        DbAdapter = DbAdapter.Postgres,
        SchemasToInclude = ["public"],
        TablesToIgnore = [new Table("public", "__EFMigrationsHistory")],
        WithReseed = false,
        FormatDeleteStatement = table => $"DELETE FROM {table.GetFullName('"')};",
    };

    /// <summary>
    /// <see cref="Options"/> with Respawn's default reset instead, one <c>TRUNCATE ... CASCADE</c>: cheaper than the
    /// DELETEs once the tables hold many thousands of rows (the import benchmark).
    /// </summary>
    public static RespawnerOptions Truncating(bool withReseed = false) => new()
    {
        DbAdapter = Options.DbAdapter,
        SchemasToInclude = Options.SchemasToInclude,
        TablesToIgnore = Options.TablesToIgnore,
        WithReseed = withReseed,
    };

    /// <summary>
    /// A respawner for the database <paramref name="connection"/> is open on. Fails, naming the table, when a kept
    /// table has a foreign key to an emptied one: a <c>TRUNCATE ... CASCADE</c> (or an <c>ON DELETE CASCADE</c>)
    /// would empty it too.
    /// </summary>
    public static async Task<Respawner> CreateAsync(NpgsqlConnection connection, RespawnerOptions? options = null)
    {
        var respawner = await Respawner.CreateAsync(connection, options ?? Options);
        await TruncateCascadeGuard.ThrowIfKeptTablesReferenceEmptiedAsync(connection, respawner.Options);
        return respawner;
    }
}
