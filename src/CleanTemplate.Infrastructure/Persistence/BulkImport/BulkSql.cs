using Npgsql;
using NpgsqlTypes;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>Commands of a bulk import: parameterised, and without the app's per-command timeout.</summary>
internal static class BulkSql
{
    public static async Task<int> ExecuteAsync(
        NpgsqlConnection connection,
        string sql,
        CancellationToken cancellationToken,
        params NpgsqlParameter[] parameters)
    {
        await using var command = Create(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A set-based statement's time grows with the file, so the configured per-command timeout (sized for requests)
    /// does not apply; the caller's cancellation token bounds it instead.
    /// </summary>
    public static NpgsqlCommand Create(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddRange(parameters);
        return command;
    }

    /// <summary>A text[] parameter: one statement for a batch's names (<c>= ANY($1)</c>, <c>unnest($1)</c>).</summary>
    public static NpgsqlParameter TextArray(string[] values) =>
        new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
