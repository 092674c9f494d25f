using System.Text;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.TestSupport.Queries;

/// <summary>
/// The PostgreSQL plan of a LINQ query, as <c>EXPLAIN (ANALYZE, BUFFERS)</c> prints it: the SQL EF generates for the
/// query, run with the query's own parameters on the context's connection (and transaction). ANALYZE executes the
/// query, so explain reads, not writes. See docs/sql.md.
/// </summary>
public static class QueryPlan
{
    public static async Task<string> ExplainAsync<T>(
        this IQueryable<T> query,
        CancellationToken cancellationToken = default)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;

        var connection = command.Connection
            ?? throw new InvalidOperationException("The query's command has no connection.");
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(cancellationToken);
        try
        {
            var plan = new StringBuilder();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                plan.AppendLine(reader.GetString(0));
            return plan.ToString();
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }
}
