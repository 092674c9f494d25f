using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace CleanTemplate.Web.FunctionalTests.Faults;

/// <summary>
/// Writers that each send the workload's writes with bodies of their own, and its read, in a loop until stopped (or
/// a bound on iterations is reached). Every answer is recorded with the phase of the test it was sent in.
/// </summary>
public sealed class SteadyLoad(FaultWorkload workload, IReadOnlyList<HttpClient> writers)
{
    private const int MaxIterations = 3000;
    private readonly ConcurrentQueue<Outcome> _outcomes = new();
    private Task? _running;
    private int _phase;
    private volatile bool _stopping;

    public IReadOnlyCollection<Outcome> Outcomes => _outcomes;

    public Phase Current
    {
        get => (Phase)Volatile.Read(ref _phase);
        set => Volatile.Write(ref _phase, (int)value);
    }

    public void Start() =>
        _running = Task.WhenAll(writers.Select((client, index) => Task.Run(() => RunAsync(client, index))));

    public async Task StopAsync()
    {
        _stopping = true;
        await _running!;
    }

    /// <summary>The bodies of the writes that answered 2xx.</summary>
    public IEnumerable<string> AcknowledgedBodies() =>
        _outcomes.Where(outcome => outcome.IsWrite && outcome.Succeeded).Select(outcome => outcome.Body!);

    public int Acknowledged(Phase phase) =>
        _outcomes.Count(outcome => outcome.IsWrite && outcome.Succeeded && outcome.Phase == phase);

    private async Task RunAsync(HttpClient client, int writer)
    {
        for (var i = 0; i < MaxIterations && !_stopping; i++)
        {
            var body = $"writer{writer}-{i}";
            await RecordAsync(true, body, () => workload.WriteAsync(client, body));
            await RecordAsync(false, null, () => workload.ReadAsync(client));
            // Steady, not flat out: two cores serve the app, the server and the test.
            await Task.Delay(20);
        }
    }

    private async Task RecordAsync(bool isWrite, string? body, Func<Task<HttpResponseMessage>> send)
    {
        var phase = Current;
        using var response = await send();
        var content = await response.Content.ReadAsStringAsync();
        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            && JsonDocument.Parse(content).RootElement.TryGetProperty("status", out _);
        var retryAfter = response.Headers.RetryAfter is not null;
        _outcomes.Enqueue(new Outcome(phase, isWrite, body, response.StatusCode, retryAfter, isProblem));
    }

    public enum Phase
    {
        Before,
        Outage,
        After,
    }

    public sealed record Outcome(
        Phase Phase, bool IsWrite, string? Body, HttpStatusCode Status, bool HasRetryAfter, bool IsProblem)
    {
        public bool Succeeded => (int)Status is >= 200 and < 300;
    }
}
