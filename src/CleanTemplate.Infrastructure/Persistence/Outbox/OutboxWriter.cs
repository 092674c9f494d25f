using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CleanTemplate.Infrastructure.Persistence.Outbox;

/// <summary>
/// Writes the outgoing events of a save into <c>outbox_events</c>, on the context's connection and inside its
/// transaction (<see cref="UnitOfWork"/> makes sure there is one), so they commit or roll back with the change.
/// One INSERT for all of them. Raw SQL because the rows go in after the change's own save, whose entries may still
/// be unaccepted (a save that may be replayed): a second <c>SaveChanges</c> would write those again. Table and column
/// names come from the EF model, so the SQL cannot drift from the mapping.
/// </summary>
internal sealed class OutboxWriter(ApplicationDbContext db, IEnumerable<IOutgoingEvents> features)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Describes <paramref name="raised"/> and writes what leaves the service: the rows written.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<IDomainEvent> raised, CancellationToken cancellationToken)
    {
        var outgoing = new List<OutgoingEvent>();
        foreach (var domainEvent in raised)
        {
            foreach (var feature in features)
            {
                if (await feature.DescribeAsync(domainEvent, cancellationToken) is { } described)
                    outgoing.Add(described);
            }
        }

        if (outgoing.Count == 0)
            return 0;

        var table = db.Model.FindEntityType(typeof(OutboxEvent))!;
        string Column(string property) => table.FindProperty(property)!.GetColumnName();
        var sql = new StringBuilder()
            .Append($"INSERT INTO {table.GetTableName()} ({Column(nameof(OutboxEvent.Id))}, ")
            .Append($"{Column(nameof(OutboxEvent.Type))}, {Column(nameof(OutboxEvent.Payload))}, ")
            .Append($"{Column(nameof(OutboxEvent.Tags))}, {Column(nameof(OutboxEvent.TraceParent))}) VALUES ");
        // The request's trace, so the publish span joins it; W3C ids only, the format consumers' headers carry.
        var traceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;
        var parameters = new List<NpgsqlParameter>(outgoing.Count * 5);
        foreach (var described in outgoing)
        {
            var first = parameters.Count;
            sql.Append(first == 0 ? "" : ", ")
                .Append($"(@p{first}, @p{first + 1}, @p{first + 2}, @p{first + 3}, @p{first + 4})");
            parameters.Add(new NpgsqlParameter($"p{first}", NpgsqlDbType.Uuid) { Value = Guid.CreateVersion7() });
            parameters.Add(new NpgsqlParameter($"p{first + 1}", NpgsqlDbType.Varchar) { Value = described.Type });
            parameters.Add(new NpgsqlParameter($"p{first + 2}", NpgsqlDbType.Jsonb)
            {
                Value = JsonSerializer.Serialize(described.Payload, described.Payload.GetType(), Json),
            });
            parameters.Add(new NpgsqlParameter($"p{first + 3}", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = described.Tags.ToArray(),
            });
            parameters.Add(new NpgsqlParameter($"p{first + 4}", NpgsqlDbType.Varchar)
            {
                Value = (object?)traceParent ?? DBNull.Value,
            });
        }

        return await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
    }
}
