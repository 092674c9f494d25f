using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.TestSupport.Postgres;

namespace CleanTemplate.Cli.IntegrationTests.Import;

public sealed class ImportArticlesCommandTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        await _database.ExecuteAsync(
            "INSERT INTO users (username, email, password_hash, created_at, updated_at, status) "
            + "VALUES ('jake', 'jake@example.com', 'x', now(), now(), 'Active')");
        _folder = Directory.CreateTempSubdirectory("import-").FullName;
    }

    public async Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Importing_a_csv_file_writes_the_articles_and_reports_them()
    {
        var file = await WriteAsync("articles.csv", "author,title,description,body,tags\n"
            + "jake,First,d,b,dragons;training\n"
            + "jake,Second,d,b,dragons\n");

        var result = await CliRun.DbAsync(_database, "import", "articles", file);

        result.ShouldSucceed();
        result.Output.ShouldContain("Imported 2 articles (2 new tags, 3 tag links");
        (await CountAsync("articles")).ShouldBe(2);
    }

    [Fact]
    public async Task A_bad_row_fails_with_its_line_and_imports_nothing()
    {
        var file = await WriteAsync("articles.csv", "author,title,description,body,tags\n"
            + "jake,First,d,b,dragons\n"
            + "nobody,Second,d,b,cats\n");

        var result = await CliRun.DbAsync(_database, "import", "articles", file);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("Nothing was imported");
        result.Error.ShouldContain("line 3");
        (await CountAsync("articles")).ShouldBe(0);
        (await CountAsync("tags")).ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var result = await CliRun.DbAsync(_database, "import", "articles", Path.Combine(_folder, "absent.json"));

        result.ExitCode.ShouldBe(2);
    }

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    private Task<long> CountAsync(string table) => _database.ScalarAsync<long>($"SELECT count(*) FROM {table}");
}
