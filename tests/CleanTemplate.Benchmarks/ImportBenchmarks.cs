using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CleanTemplate.Application.Articles.Import;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.Infrastructure.Persistence.BulkImport;
using CleanTemplate.Infrastructure.Persistence.Interceptors;
using CleanTemplate.Infrastructure.Persistence.Repositories;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Postgres;
using CleanTemplate.TestSupport.Respawn;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;

namespace CleanTemplate.Benchmarks;

/// <summary>
/// Articles per second from the same generated articles into empty tables: the bulk import (batches resolved
/// set-based, then binary COPY into the tables) against EF Core's AddRange + SaveChanges of the same articles with
/// their tags, parsed and validated by the same JSON reader. The import reads the JSON file as the superuser, which may
/// turn row triggers off, and as a role that may not, whose foreign keys are checked row by row; and the same articles
/// as a CSV file, as the superuser, to measure the CSV reader. Steady state, as in a long-running host: each path
/// keeps its own database and connection pool across runs, and every run starts from tables emptied by Respawn's
/// TRUNCATE (`TestRespawner.Truncating()`), with the same 50 authors.
/// </summary>
internal static class ImportBenchmarks
{
    private const int Authors = 50;
    private const int TagPool = 200;
    private const int TagsPerArticle = 3;
    private const int WarmUpRows = 1_000;
    private const int WarmUpRuns = 60;

    public static async Task<IReadOnlyList<Measurement>> RunAsync(PostgresTestServer server, IReadOnlyList<int> sizes)
    {
        var results = new List<Measurement>();
        var table = new List<string>();
        // A role with the table privileges an importer needs and nothing more: it may not turn row triggers off.
        await using var plainRole = await LoginRole.CreateAsync(server.Server.ConnectionString("postgres").ConnectionString);
        await using var setBased = await ImportPath.CreateAsync(
            server, "COPY, foreign keys set-based", ">= 10x EF", CopyJsonAsync);
        await using var csv = await ImportPath.CreateAsync(
            server, "COPY from CSV, foreign keys set-based", ">= 10x EF", CopyCsvAsync);
        await using var rowTriggers = await ImportPath.CreateAsync(
            server, "COPY, foreign-key row triggers", "-", CopyJsonAsync, async database =>
        {
            await plainRole.GrantAsync(database.ConnectionString, "GRANT SELECT, INSERT, UPDATE ON users, tags, articles, article_tags TO {0}");
            return plainRole.ConnectionString(database.ConnectionString);
        });
        await using var entityFramework = await ImportPath.CreateAsync(server, "EF AddRange + SaveChanges", "-", EntityFrameworkAsync);
        ImportPath[] paths = [setBased, csv, rowTriggers, entityFramework];

        // The first runs in a process pay for JIT and for growing the heap, on every path: untimed runs first, small and
        // many, so that even a method called once per import is called often enough to reach its final tier (tiered
        // compilation recompiles after 30 calls, and again once it has profiled them) before anything is timed.
        await using (var warmUp = await ImportFile.WriteAsync(WarmUpRows))
        {
            for (var run = 0; run < WarmUpRuns; run++)
            {
                foreach (var path in paths)
                    await RunOnceAsync(path, warmUp);
            }
        }

        foreach (var size in sizes)
        {
            // The runs of the paths take turns, so a machine that slows down for a while slows all of them. Short
            // runs scatter most (one round's ratio at 10k ranged over 2x on the build machine): more of them.
            var runs = size <= 10_000 ? 15 : 3;
            await using var file = await ImportFile.WriteAsync(size);
            var samples = paths.Select(_ => new List<double>(runs)).ToArray();
            for (var run = 0; run < runs; run++)
            {
                for (var p = 0; p < paths.Length; p++)
                {
                    var (elapsed, detail) = await RunOnceAsync(paths[p], file);
                    samples[p].Add(elapsed.TotalMilliseconds);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  import {size:N0} articles, {paths[p].Name}: {elapsed.TotalSeconds:F2} s{detail}"));
                }
            }

            var measured = paths.Select((path, p) => new Measurement($"import {size:N0} articles: {path.Name}", samples[p], path.Target)).ToArray();
            results.AddRange(measured);
            var ef = measured[^1];
            var copies = string.Concat(measured[..^1].Select(copy => string.Create(CultureInfo.InvariantCulture,
                $" {RowsPerSecond(size, copy),12:N0} {ef.Median / copy.Median,6:F1}x")));
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"{size,10:N0}{copies} {RowsPerSecond(size, ef),12:N0}   (median of {runs}; {file.Describe()})"));
        }

        Console.WriteLine();
        string[] columns = ["COPY, set-based FKs", "COPY CSV, set-based", "COPY, FK row triggers"];
        var columnNames = string.Concat(columns.Select(name => $" {name,20}"));
        Console.WriteLine($"{"",10}{columnNames} {"EF",12}   target: COPY >= 10x EF");
        var copyUnits = string.Concat(Enumerable.Repeat($" {"rows/s",12} {"vs EF",7}", 3));
        Console.WriteLine($"{"articles",10}{copyUnits} {"rows/s",12}");
        table.ForEach(Console.WriteLine);
        return results;
    }

    private static async Task<(TimeSpan Elapsed, string Detail)> RunOnceAsync(ImportPath path, ImportFile file)
    {
        await path.EmptyAsync();
        // Each run starts from a collected heap, not with the garbage of the run before.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (started, paused, collections) = (Stopwatch.GetTimestamp(), GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var detail = await path.Import(path.DataSource, file);
        var elapsed = Stopwatch.GetElapsedTime(started);
        detail += string.Create(CultureInfo.InvariantCulture,
            $"  [GC: {GC.CollectionCount(0) - collections} collections, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms]");
        await VerifyAsync(path.Database, file.Rows);
        return (elapsed, detail);
    }

    /// <summary>
    /// One way of loading the articles, with its own database and its own connection pool (as the importing role),
    /// both kept for all its runs; <see cref="Import"/> returns what it wants printed beside its time.
    /// </summary>
    private sealed class ImportPath : IAsyncDisposable
    {
        private readonly Respawner _respawner;

        private ImportPath(string name, string target, Func<NpgsqlDataSource, ImportFile, Task<string>> import,
            PostgresTestDatabase database, NpgsqlDataSource dataSource, Respawner respawner)
        {
            (Name, Target, Import, Database, DataSource, _respawner) = (name, target, import, database, dataSource, respawner);
        }

        public string Name { get; }

        public string Target { get; }

        public Func<NpgsqlDataSource, ImportFile, Task<string>> Import { get; }

        public PostgresTestDatabase Database { get; }

        public NpgsqlDataSource DataSource { get; }

        /// <param name="connectAs">The importing role's connection string for the new database; the owner's by default.</param>
        public static async Task<ImportPath> CreateAsync(PostgresTestServer server, string name, string target,
            Func<NpgsqlDataSource, ImportFile, Task<string>> import,
            Func<PostgresTestDatabase, Task<string>>? connectAs = null)
        {
            var database = await server.CreateDatabaseAsync();
            var connectionString = connectAs is null ? database.ConnectionString : await connectAs(database);
            await using var connection = await database.OpenConnectionAsync();
            var respawner = await TestRespawner.CreateAsync(connection, TestRespawner.Truncating());
            // The runs empty the tables anyway; an autovacuum worker analysing one run's rows would compete with the next.
            await using (var command = new NpgsqlCommand(
                """
                DO $$ DECLARE t regclass; BEGIN
                  FOR t IN SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' LOOP
                    EXECUTE format('ALTER TABLE %s SET (autovacuum_enabled = off)', t);
                  END LOOP;
                END $$
                """, connection))
            {
                await command.ExecuteNonQueryAsync();
            }

            return new ImportPath(name, target, import, database, NpgsqlDataSource.Create(connectionString), respawner);
        }

        /// <summary>
        /// Empties every table (TRUNCATE: new, empty files, as in a fresh database), adds the authors back.
        /// </summary>
        public async Task EmptyAsync()
        {
            await using var connection = await Database.OpenConnectionAsync();
            await _respawner.ResetAsync(connection);
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO users (username, email, password_hash, created_at, updated_at, status)
                SELECT 'author' || i, 'author' || i || '@example.com', 'x', now(), now(), 'Active' FROM generate_series(1, $1) AS i
                """, connection);
            command.Parameters.AddWithValue(Authors);
            await command.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await DataSource.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    /// <summary>
    /// The same generated <see cref="Rows"/> as a JSON and a CSV file in the temp directory, deleted on dispose.
    /// </summary>
    private sealed record ImportFile(string Json, string Csv, int Rows) : IAsyncDisposable
    {
        public static async Task<ImportFile> WriteAsync(int rows)
        {
            var name = Path.Combine(Path.GetTempPath(), $"cleantemplate-import-{rows}-{Guid.NewGuid():N}");
            var file = new ImportFile($"{name}.json", $"{name}.csv", rows);
            await ImportFiles.WriteJsonAsync(file.Json, ImportBenchmarks.Rows(rows));
            await ImportFiles.WriteCsvAsync(file.Csv, ImportBenchmarks.Rows(rows));
            return file;
        }

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"files: JSON {Megabytes(Json):F1} MiB, CSV {Megabytes(Csv):F1} MiB");

        public ValueTask DisposeAsync()
        {
            File.Delete(Json);
            File.Delete(Csv);
            return ValueTask.CompletedTask;
        }

        private static double Megabytes(string path) => new FileInfo(path).Length / 1_048_576.0;
    }

    private static IEnumerable<ImportRow> Rows(int count)
    {
        var body = string.Concat(Enumerable.Repeat("Dragons are trained with patience, fish and a great deal of courage. ", 12));
        for (var i = 0; i < count; i++)
        {
            yield return new ImportRow(
                $"author{i % Authors + 1}",
                $"Article {i}: notes on training dragon number {i}",
                $"What the {i}th dragon taught us about flight, fire and friendship.",
                body,
                [$"tag{i % TagPool}", $"tag{(i + 67) % TagPool}", $"tag{(i + 133) % TagPool}"]);
        }
    }

    private static Task<string> CopyJsonAsync(NpgsqlDataSource dataSource, ImportFile file) =>
        CopyAsync(dataSource, file.Json);

    private static Task<string> CopyCsvAsync(NpgsqlDataSource dataSource, ImportFile file) =>
        CopyAsync(dataSource, file.Csv);

    private static async Task<string> CopyAsync(NpgsqlDataSource dataSource, string file)
    {
        var stages = new ImportStageTimer();
        var result = await new ArticleImporter(dataSource, TimeProvider.System).ImportFileAsync(file, stages, CancellationToken.None);
        return $"  ({stages.Format()}; foreign keys: {result.ReferenceChecking})";
    }

    /// <summary>What a use case would do with EF: resolve authors, upsert tags, add every article with its tag links, save once.</summary>
    private static async Task<string> EntityFrameworkAsync(NpgsqlDataSource dataSource, ImportFile file)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        options.UseApplicationDatabase(dataSource, new DatabaseOptions { MaxRetryCount = 0 })
            .AddInterceptors(new AuditingInterceptor(TimeProvider.System));
        await using var db = new ApplicationDbContext(options.Options);

        var rows = new List<ImportedArticle>();
        await using (var content = File.OpenRead(file.Json))
        {
            await foreach (var row in JsonArticleReader.ReadAsync(content, new ImportedArticleFactory(ArticleImportFormat.Json, DateTimeOffset.UtcNow), CancellationToken.None))
                rows.Add(row);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var authorIds = await db.Users.ToDictionaryAsync(user => user.Username, user => user.Id);
        var tags = (await new TagRepository(db).EnsureAsync(rows.SelectMany(row => row.Tags).Distinct().ToList(), CancellationToken.None))
            .ToDictionary(tag => tag.Name);
        db.Articles.AddRange(rows.Select(row =>
            Article.Write(authorIds[row.Author], row.Title, row.Description, row.Body, row.Tags.Select(name => tags[name]))));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return "";
    }

    /// <summary>Both paths must have written the same thing for the comparison to mean anything.</summary>
    private static async Task VerifyAsync(PostgresTestDatabase database, int size)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_tags)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (articles, links) = (reader.GetInt64(0), reader.GetInt64(1));
        if (articles != size || links != (long)size * TagsPerArticle)
            throw new InvalidOperationException($"Expected {size} articles and {size * TagsPerArticle} tag links, found {articles} and {links}.");
    }

    private static double RowsPerSecond(int size, Measurement measurement) => size / (measurement.Median / 1000);
}
