using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CleanTemplate.TestSupport.Messaging;
using CleanTemplate.Web.FunctionalTests.Events;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CleanTemplate.Web.FunctionalTests.Observability;

/// <summary>
/// The app's OpenTelemetry read back through the SDK's in-memory exporters: one write request is one trace, with the
/// HTTP span at its root, the use case's span under it, the SQL commands and the outbox's publish (delivered to a
/// real RabbitMQ node, its context in the message headers) below that; metrics and logs carry the same request.
/// </summary>
public sealed class TelemetryTests(TelemetryTests.ExportingFactory factory)
    : IClassFixture<TelemetryTests.ExportingFactory>, IAsyncLifetime
{
    public sealed class ExportingFactory : BrokerFactory
    {
        public List<Activity> Spans { get; } = [];

        public List<Metric> Metrics { get; } = [];

        public List<LogRecord> Logs { get; } = [];

        // No OTLP endpoint here, so the app would record nothing: the exporters below need every span recorded.
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OTEL_TRACES_SAMPLER", "always_on");
        }

        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(Logs));
        }
    }

    private TestConsumer? _consumer;

    public async Task InitializeAsync()
    {
        if (BrokerFactory.SkipReason is not null)
            return;
        await factory.ResetDatabaseAsync();
        _consumer = await TestConsumer.BindAsync(factory.Broker.ConnectionString, "users", "articles");
    }

    public async Task DisposeAsync()
    {
        if (_consumer is not null)
            await _consumer.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_registration_is_one_trace_from_the_http_span_to_the_sql_and_the_outbox_publish()
    {
        Skip.If(BrokerFactory.SkipReason is not null, BrokerFactory.SkipReason);

        var caller = new Caller();

        var response = await factory.CreateClient().SendAsync(caller.Post("/api/users",
            new { user = new { username = "traced", email = "traced@example.com", password = "password1" } }));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var trace = await OneTraceAsync(caller, "RegisterUser", "users publish");
        var message = (await ReceiveAsync()).ShouldHaveSingleItem();
        message.TraceParent.ShouldNotBeNull().ShouldContain(trace.Server.TraceId.ToString());
        // The dispatcher's polls, SQL outside any request, are left out of the export.
        Snapshot(factory.Spans).ShouldNotContain(span => span.Source.Name == "Npgsql" && span.ParentSpanId == default);
        Snapshot(factory.Logs).ShouldContain(log =>
            log.TraceId == trace.Server.TraceId && log.CategoryName!.EndsWith("LogUserRegistration"));
        ForceFlushMetrics();
        var names = Snapshot(factory.Metrics).Select(metric => metric.Name).ToHashSet();
        names.ShouldContain("http.server.request.duration");
        Snapshot(factory.Metrics).ShouldContain(
            metric => metric.MeterName == "Npgsql" && metric.Name.Contains("connection"),
            string.Join(", ", names));
    }
    //#if (conduit)

    [SkippableFact]
    public async Task Writing_an_article_is_one_trace_from_the_http_span_to_the_sql_and_the_outbox_publish()
    {
        Skip.If(BrokerFactory.SkipReason is not null, BrokerFactory.SkipReason);
        var (_, client) = await factory.SignedInUserAsync();
        var caller = new Caller();

        var response = await client.SendAsync(caller.Post("/api/articles", new
        {
            article = new { title = "Traced", description = "One trace.", body = "Spans.", tagList = new[] { "otel" } },
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var trace = await OneTraceAsync(caller, "CreateArticle", "articles publish");
        trace.UseCase.GetTagItem("use_case.result").ShouldBe("success");
        (await ReceiveAsync()).ShouldHaveSingleItem().TraceParent.ShouldNotBeNull()
            .ShouldContain(trace.Server.TraceId.ToString());
    }
    //#endif

    [SkippableFact]
    public async Task A_refused_use_case_is_tagged_with_its_error_kind()
    {
        Skip.If(BrokerFactory.SkipReason is not null, BrokerFactory.SkipReason);

        var response = await factory.CreateClient().PostAsJsonAsync(
            "/api/users/login", new { user = new { email = "nobody@example.com", password = "password1" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // This request's span: the tracer hears every host in the test process, and other tests sign in too.
        var traceId = ActivityTraceId.CreateFromString(
            (await response.Content.ReadFromJsonAsync<TraceOfProblem>())!.TraceId.Split('-')[1]);
        var useCase = await EventuallyAsync(() => Snapshot(factory.Spans).FirstOrDefault(span =>
            span.Source.Name.EndsWith(".Application") && span.DisplayName == "LoginUser" && span.TraceId == traceId));
        useCase.ShouldNotBeNull().GetTagItem("use_case.result").ShouldBe("unauthorized");
    }

    private sealed record TraceOfProblem(string TraceId);

    /// <summary>A client's span, sent as the request's <c>traceparent</c> (sampled), so its trace is known.</summary>
    private sealed class Caller
    {
        public ActivityTraceId TraceId { get; } = ActivityTraceId.CreateRandom();

        public ActivitySpanId SpanId { get; } = ActivitySpanId.CreateRandom();

        public HttpRequestMessage Post(string route, object body) => new(HttpMethod.Post, route)
        {
            Content = JsonContent.Create(body),
            Headers = { { "traceparent", $"00-{TraceId}-{SpanId}-01" } },
        };
    }

    // The request's spans by the trace its caller started: the tracer hears every host in the test process, and other
    // tests register users and write articles too.
    private async Task<(Activity Server, Activity UseCase)> OneTraceAsync(Caller caller, string useCase, string publish)
    {
        var server = await EventuallyAsync(() => Snapshot(factory.Spans).SingleOrDefault(span =>
            span.Kind == ActivityKind.Server && span.TraceId == caller.TraceId));
        server.ShouldNotBeNull($"no server span in the trace {caller.TraceId}");
        var published = await EventuallyAsync(() => Snapshot(factory.Spans).FirstOrDefault(span =>
            span.TraceId == server.TraceId && span.Kind == ActivityKind.Producer));
        var trace = Snapshot(factory.Spans).Where(span => span.TraceId == server.TraceId).ToList();

        server.ParentSpanId.ShouldBe(caller.SpanId, "the HTTP span is the app's first: its parent is the caller's");
        var useCaseSpan = trace.Where(span => span.DisplayName == useCase).ShouldHaveSingleItem();
        useCaseSpan.ParentSpanId.ShouldBe(server.SpanId);
        var sql = trace.Where(span => span.Source.Name == "Npgsql").ToList();
        sql.ShouldNotBeEmpty();
        sql.ShouldAllBe(span => Descends(span, useCaseSpan, trace));
        published.ShouldNotBeNull("no publish span in the request's trace").DisplayName.ShouldBe(publish);
        Descends(published, useCaseSpan, trace).ShouldBeTrue();
        return (server, useCaseSpan);
    }

    private static bool Descends(Activity span, Activity ancestor, List<Activity> trace)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId)
                return true;
            parent = trace.FirstOrDefault(candidate => candidate.SpanId == parent)?.ParentSpanId ?? default;
        }

        return false;
    }

    private async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync()
    {
        var received = new List<ReceivedMessage>();
        await EventuallyAsync(async () =>
        {
            received.AddRange(await _consumer!.TakeAllAsync());
            return received.Count > 0 ? received : null;
        });
        return received;
    }

    private void ForceFlushMetrics() => factory.Services.GetRequiredService<MeterProvider>().ForceFlush();

    // The exporters append from the app's threads.
    private static List<T> Snapshot<T>(List<T> exported)
    {
        lock (exported)
            return [.. exported];
    }

    private static Task<T?> EventuallyAsync<T>(Func<T?> observe) => EventuallyAsync(() => Task.FromResult(observe()));

    // What the app exports in its own time.
    private static Task<T?> EventuallyAsync<T>(Func<Task<T?>> observe) =>
        Eventually.ObserveAsync(observe, seen => seen is not null, TimeSpan.FromSeconds(10));
}
