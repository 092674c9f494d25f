using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CleanTemplate.LocalPostgres;
using CleanTemplate.TestSupport;
using CleanTemplate.TestSupport.Postgres;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Hosting;

/// <summary>
/// The built app started as a deployment or <c>dotnet run</c> starts it, in a process of its own: the test host
/// itself has loaded CleanTemplate.LocalPostgres (the harness runs on it), so only another process can show what a
/// start-up loads.
/// </summary>
public sealed class StartUpTests
{
    private static readonly string Launcher = typeof(LocalPostgresCluster).Assembly.GetName().Name!;

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task With_a_connection_string_start_up_never_loads_the_local_postgres_launcher(string environment)
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var settings = TestSettings.For(database.ConnectionString);
        await using var app = await WebAppProcess.StartAsync(environment, AppContext.BaseDirectory, settings);

        var response = await SignInAsNobodyAsync(app.Client);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var loaded = app.LoadedAssemblies();
        // The probe sees what the app loads: its own layers, and the database driver it has just used.
        loaded.ShouldContain(typeof(Infrastructure.DependencyInjection).Assembly.GetName().Name!);
        loaded.ShouldContain("Npgsql");
        loaded.ShouldNotContain(Launcher);
    }

    [SkippableFact]
    public async Task Development_with_nothing_configured_serves_the_api_from_a_local_cluster_under_the_content_root()
    {
        var binaries = await new LocalBinariesPostgresServerProvider().CheckAsync(CancellationToken.None);
        Skip.IfNot(binaries.IsAvailable, binaries.Reason);
        // A fresh clone's project folder: the app's settings files and nothing else.
        var folder = Path.Combine(Path.GetTempPath(), $"cleantemplate-first-run-{Guid.NewGuid():N}");
        var contentRoot = Directory.CreateDirectory(folder).FullName;
        var dataDirectory = Path.Combine(contentRoot, ".data", "postgres");
        try
        {
            foreach (var file in new[] { "appsettings.json", "appsettings.Development.json" })
                File.Copy(Path.Combine(AppContext.BaseDirectory, file), Path.Combine(contentRoot, file));
            // Only so that Development does not keep a generated key in this machine's user profile.
            var settings = new Dictionary<string, string?> { ["Jwt:SigningKey"] = TestSettings.JwtSigningKey };
            await using var app = await WebAppProcess.StartAsync("Development", contentRoot, settings);

            (await SignInAsNobodyAsync(app.Client)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            //#if (conduit)
            var response = await app.Client.GetAsync("/api/tags");
            var tags = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("tags").EnumerateArray()
                .Select(tag => tag.GetString()).ToList();
            tags.Take(2).ShouldBe(["postgresql", "dragons"]);
            tags.ShouldBe(["postgresql", "dragons", "performance", "training"], ignoreOrder: true);
            //#endif
            File.Exists(Path.Combine(dataDirectory, "PG_VERSION")).ShouldBeTrue();
            app.LoadedAssemblies().ShouldContain(Launcher);
            // A first run on an empty database: migrated and seeded, and nothing in the log reads as a failure.
            app.Output
                .Where(line => line.StartsWith("fail:", StringComparison.Ordinal)
                    || line.StartsWith("crit:", StringComparison.Ordinal))
                .ShouldBeEmpty(string.Join('\n', app.Output));

            (await app.StopAsync()).ShouldBe(0);
            // The server stops with the host; the data stays for the next run.
            File.Exists(Path.Combine(dataDirectory, "postmaster.pid")).ShouldBeFalse();
            File.Exists(Path.Combine(dataDirectory, "PG_VERSION")).ShouldBeTrue();
        }
        finally
        {
            KillServerLeftRunning(dataDirectory);
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    // A request every sample serves that reads the database (for the user), with no timeout shorter than the client's:
    // the readiness probe gives up after 5 s, which a cold start on a busy machine can take.
    private static Task<HttpResponseMessage> SignInAsNobodyAsync(HttpClient client) => client.PostAsJsonAsync(
        "/api/users/login", new { user = new { email = "nobody@example.com", password = "password123" } });

    // Only after a failed run: the detached server would otherwise outlive the test, holding its folder.
    private static void KillServerLeftRunning(string dataDirectory)
    {
        var lockFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(lockFile)
            || !int.TryParse(File.ReadLines(lockFile).First(), CultureInfo.InvariantCulture, out var processId))
            return;
        try
        {
            using var postmaster = Process.GetProcessById(processId);
            if (postmaster.ProcessName != "postgres")
                return;
            postmaster.Kill();
            postmaster.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            // Gone already.
        }
    }
}
