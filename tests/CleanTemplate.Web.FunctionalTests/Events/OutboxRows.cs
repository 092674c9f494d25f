using System.Text.Json;
using CleanTemplate.TestSupport.Postgres;

namespace CleanTemplate.Web.FunctionalTests.Events;

/// <summary>A row of <c>outbox_events</c> as the tests read it back, with its payload parsed.</summary>
public sealed record OutboxRow(
    Guid Id, string Type, JsonElement Payload, string[] Tags, DateTimeOffset? PublishedAt, int Attempts)
{
    /// <summary>Every event in the order the transactions that wrote them began.</summary>
    public static async Task<IReadOnlyList<OutboxRow>> ReadAsync(PostgresTestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT id, type, payload::text, tags, published_at, attempts FROM outbox_events ORDER BY occurred_at, id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(
                reader.GetGuid(0),
                reader.GetString(1),
                JsonDocument.Parse(reader.GetString(2)).RootElement.Clone(),
                reader.GetFieldValue<string[]>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetInt32(5)));
        }

        return rows;
    }
}
