using System.Net;
using System.Net.Http.Json;
using CleanTemplate.Application.Tags;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Web.FunctionalTests.BackgroundJobs;

public sealed class TagStatisticsJobTests(WebApiFactory factory) : ApiTest(factory)
{
    private const string LiveCounts = """
        SELECT coalesce(string_agg(t.name || '=' || (SELECT count(*) FROM article_tags l JOIN articles a ON a.id = l.article_id
                                                      WHERE l.tag_id = t.id AND a.status = 'Active'), ',' ORDER BY t.name), '')
        FROM tags t
        """;

    private const string Statistics = """
        SELECT coalesce(string_agg(t.name || '=' || s.article_count, ',' ORDER BY t.name), '')
        FROM tag_statistics s JOIN tags t ON t.id = s.tag_id
        """;

    [Fact]
    public async Task Runs_concurrent_with_api_writes_leave_statistics_matching_the_data()
    {
        var job = Factory.Services.GetRequiredService<ITagStatisticsJob>();
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
            clients.Add((await Factory.SignedInUserAsync()).Client);

        var writes = clients.Select((client, writer) => Task.Run(async () =>
        {
            for (var n = 0; n < 10; n++)
            {
                var response = await client.PostAsJsonAsync("/api/articles", new
                {
                    article = new
                    {
                        title = $"writer {writer} article {n}",
                        description = "d",
                        body = "b",
                        tagList = new[] { "shared", $"tag{n % 7}", $"writer{writer}" },
                    },
                });
                response.StatusCode.ShouldBe(HttpStatusCode.Created);
            }
        }));
        var runs = Task.Run(async () =>
        {
            for (var run = 0; run < 5; run++)
                await job.RunAsync(CancellationToken.None);
        });
        await Task.WhenAll([.. writes, runs]);

        var written = await job.RunAsync(CancellationToken.None);

        written.ShouldBe(12); // shared, tag0..tag6, writer0..writer3
        (await Factory.ScalarAsync<string>(Statistics)).ShouldBe(await Factory.ScalarAsync<string>(LiveCounts));
        (await Factory.ScalarAsync<string>(Statistics))!.ShouldContain("shared=40");
    }

    [Fact]
    public async Task Deleted_articles_stop_counting_after_the_next_run()
    {
        var (author, client) = await Factory.SignedInUserAsync();
        var articles = await Factory.SaveArticlesAsync(author, 3, "dragons");
        var job = Factory.Services.GetRequiredService<ITagStatisticsJob>();
        await job.RunAsync(CancellationToken.None);

        (await client.DeleteAsync($"/api/articles/{articles[0].Slug}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await job.RunAsync(CancellationToken.None);

        (await Factory.ScalarAsync<string>(Statistics)).ShouldBe("dragons=2");
    }
}
