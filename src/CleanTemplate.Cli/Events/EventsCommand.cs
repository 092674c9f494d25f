using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CleanTemplate.Cli.Composition;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace CleanTemplate.Cli.Events;

/// <summary>
/// <c>db events [--type T] [--tag t]... [--where JSON] [--pending] [--limit N] [--json]</c>: the outbox, newest first.
/// The filters are the queries its indexes serve (docs/sql.md, "Events by containment"): <c>--where</c> is
/// <c>payload @&gt; JSON</c> and <c>--tag</c> is <c>tags &amp;&amp; ARRAY[...]</c>, both on GIN indexes.
/// </summary>
internal static class EventsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(VerbRunner verbs)
    {
        var type = new Option<string?>("--type")
        {
            Description = "Only events of this type, such as articles.published.",
        };
        var tag = new Option<string[]>("--tag")
        {
            Description = "Only events carrying this tag; repeat it for any of several.",
        };
        var where = new Option<string?>("--where")
        {
            Description = "Only events whose payload contains this JSON object, such as '{\"author\":\"jake\"}'.",
        };
        var pending = new Option<bool>("--pending") { Description = "Only events not yet published." };
        var limit = new Option<int>("--limit")
        {
            Description = "At most this many, newest first.",
            DefaultValueFactory = _ => 50,
        };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("events", "List the outbox's events, newest first, by type, tag, payload or state.")
        {
            type, tag, where, pending, limit, json,
        };

        return verbs.Define(command, async (context, cancellationToken) =>
        {
            var filter = new EventFilter(
                context.Parsed.GetValue(type),
                context.Parsed.GetValue(tag) ?? [],
                PayloadFilter(context.Parsed.GetValue(where)),
                context.Parsed.GetValue(pending),
                Limit(context.Parsed.GetValue(limit)));
            await using var db = context.Database.Connect();
            var events = await filter.Apply(db).ToListAsync(cancellationToken);

            if (context.Parsed.GetValue(json))
                await context.Console.Output.WriteLineAsync(JsonSerializer.Serialize(events.Select(Shown), Json));
            else if (events.Count == 0)
                await context.Console.Output.WriteLineAsync("No events.");
            else
                context.Console.Tables.Write(Table(events));
            return ExitCodes.Ok;
        });
    }

    /// <summary>A JSON object, or a usage error saying what is wrong with it.</summary>
    private static string? PayloadFilter(string? where)
    {
        if (where is null)
            return null;
        try
        {
            using var parsed = JsonDocument.Parse(where);
            var kind = parsed.RootElement.ValueKind;
            if (kind != JsonValueKind.Object)
            {
                throw new UsageException("--where must be a JSON object, such as '{\"author\":\"jake\"}', not "
                    + $"{kind.ToString().ToLowerInvariant()}.");
            }
            return parsed.RootElement.GetRawText();
        }
        catch (JsonException e)
        {
            throw new UsageException($"--where is not JSON: {e.Message}");
        }
    }

    private static int Limit(int limit) => limit is >= 1 and <= 10_000
        ? limit
        : throw new UsageException($"--limit must be between 1 and 10000, not {limit}.");

    private static Table Table(IEnumerable<OutboxEvent> events)
    {
        var table = new Table().AddColumns("id", "type", "occurred (UTC)", "state", "tags", "payload");
        foreach (var outboxEvent in events)
        {
            table.AddRow(
                new Text(outboxEvent.Id.ToString()),
                new Text(outboxEvent.Type),
                new Text(Format(outboxEvent.OccurredAt)),
                new Text(State(outboxEvent)),
                new Text(string.Join(", ", outboxEvent.Tags)),
                new Text(outboxEvent.Payload));
        }

        return table;
    }

    private static string State(OutboxEvent outboxEvent) => outboxEvent switch
    {
        { PublishedAt: { } published } => $"published {Format(published)}",
        { Attempts: 0 } => "pending",
        _ => $"pending, {outboxEvent.Attempts} failed attempt(s), next at {Format(outboxEvent.AvailableAt)}: "
            + outboxEvent.LastError,
    };

    private static object Shown(OutboxEvent outboxEvent) => new
    {
        outboxEvent.Id,
        outboxEvent.Type,
        outboxEvent.OccurredAt,
        outboxEvent.AvailableAt,
        outboxEvent.PublishedAt,
        outboxEvent.Attempts,
        outboxEvent.LastError,
        outboxEvent.Tags,
        Payload = JsonDocument.Parse(outboxEvent.Payload).RootElement,
    };

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>The filters of <c>db events</c> as one query, so a test can read the SQL it becomes.</summary>
internal sealed record EventFilter(string? Type, string[] Tags, string? PayloadContains, bool PendingOnly, int Limit)
{
    public IQueryable<OutboxEvent> Apply(ApplicationDbContext db)
    {
        var events = db.OutboxEvents.AsNoTracking();
        if (Type is not null)
            events = events.Where(outboxEvent => outboxEvent.Type == Type);
        if (Tags.Length > 0)
            events = events.Where(outboxEvent => outboxEvent.Tags.Any(tag => Tags.Contains(tag)));
        if (PayloadContains is not null)
            events = events.Where(outboxEvent => EF.Functions.JsonContains(outboxEvent.Payload, PayloadContains));
        if (PendingOnly)
            events = events.Where(outboxEvent => outboxEvent.PublishedAt == null);
        return events.OrderByDescending(outboxEvent => outboxEvent.OccurredAt)
            .ThenByDescending(outboxEvent => outboxEvent.Id)
            .Take(Limit);
    }
}
