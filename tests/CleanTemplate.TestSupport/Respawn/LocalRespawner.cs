using System.Text;
using Npgsql;

namespace CleanTemplate.TestSupport.Respawn;

/// <summary>
/// Stands in for Respawn (which does not restore on every machine; swap it in where it does): empties every
/// application table and restarts identities between tests, keeping <c>__EFMigrationsHistory</c> and reference
/// data. The schema is read once at <see cref="CreateAsync"/>; each reset is then one round trip.
/// </summary>
public sealed class LocalRespawner
{
    private readonly string _resetSql;

    private LocalRespawner(IReadOnlyList<string> tables, string resetSql)
    {
        Tables = tables;
        _resetSql = resetSql;
    }

    /// <summary>The emptied tables, qualified and quoted, in the order they are emptied.</summary>
    public IReadOnlyList<string> Tables { get; }

    public static async Task<LocalRespawner> CreateAsync(NpgsqlConnection connection, LocalRespawnerOptions? options = null)
    {
        options ??= new LocalRespawnerOptions();
        var schema = await RespawnSchema.ReadAsync(connection, options);
        var sql = new StringBuilder();
        if (schema.Tables.Count > 0)
        {
            if (options.Strategy == ResetStrategy.Truncate)
            {
                sql.Append("TRUNCATE TABLE ").AppendJoin(", ", schema.Tables).Append(" RESTART IDENTITY;");
            }
            else
            {
                foreach (var table in schema.Tables)
                    sql.Append("DELETE FROM ").Append(table).Append(';');
                foreach (var sequence in schema.OwnedSequences)
                    sql.Append("ALTER SEQUENCE ").Append(sequence).Append(" RESTART;");
            }
        }

        return new LocalRespawner(schema.Tables, sql.ToString());
    }

    public async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        if (_resetSql.Length == 0)
            return;
        await using var command = new NpgsqlCommand(_resetSql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
