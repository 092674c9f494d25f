using System.Globalization;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Postgres;
using Npgsql;

namespace CleanTemplate.Benchmarks.Import;

/// <summary>
/// The same generated <see cref="Rows"/> as a JSON and a CSV file in the temp directory, deleted on dispose: articles
/// of ~1 KB by <see cref="Authors"/> authors, each with <see cref="TagsPerArticle"/> of <see cref="TagPool"/> tags.
/// </summary>
internal sealed record ImportFile(string Json, string Csv, int Rows) : IAsyncDisposable
{
    public const int Authors = 50;
    public const int TagPool = 200;
    public const int TagsPerArticle = 3;

    public static async Task<ImportFile> WriteAsync(int rows)
    {
        var name = Path.Combine(Path.GetTempPath(), $"cleantemplate-import-{rows}-{Guid.NewGuid():N}");
        var file = new ImportFile($"{name}.json", $"{name}.csv", rows);
        await ImportFiles.WriteJsonAsync(file.Json, Generate(rows));
        await ImportFiles.WriteCsvAsync(file.Csv, Generate(rows));
        return file;
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"files: JSON {Megabytes(Json):F1} MiB, CSV {Megabytes(Csv):F1} MiB");

    /// <summary>Every path must have written the same thing for the comparison to mean anything.</summary>
    public async Task VerifyWrittenAsync(PostgresTestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_tags)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (articles, links) = (reader.GetInt64(0), reader.GetInt64(1));
        if (articles != Rows || links != (long)Rows * TagsPerArticle)
        {
            throw new InvalidOperationException(
                $"Expected {Rows} articles and {Rows * TagsPerArticle} tag links, found {articles} and {links}.");
        }
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(Json);
        File.Delete(Csv);
        return ValueTask.CompletedTask;
    }

    private static double Megabytes(string path) => new FileInfo(path).Length / 1_048_576.0;

    private static IEnumerable<ImportRow> Generate(int count)
    {
        var body = string.Concat(
            Enumerable.Repeat("Dragons are trained with patience, fish and a great deal of courage. ", 12));
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
}
