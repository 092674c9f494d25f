using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Articles;

public sealed class ArticleWriteTests(WebApiFactory factory) : ApiTest(factory)
{
    private static object NewArticle(string title = "How to train your dragon", string[]? tags = null) =>
        new
        {
            article = new
            {
                title,
                description = "Ever wonder how?",
                body = "You have to believe",
                tagList = tags ?? ["training", "dragons"],
            },
        };

    [Fact]
    public async Task Creating_answers_201_with_the_spec_article()
    {
        var (author, client) = await Factory.SignedInUserAsync("jake");

        var response = await client.PostAsJsonAsync("/api/articles", NewArticle());

        var article = (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("article");
        article.EnumerateObject().Select(property => property.Name).ShouldBe(
            [
                "slug", "title", "description", "body", "tagList", "createdAt", "updatedAt",
                "favorited", "favoritesCount", "author",
            ],
            ignoreOrder: true);
        article.GetProperty("slug").GetString().ShouldBe("how-to-train-your-dragon");
        article.GetProperty("tagList").EnumerateArray().Select(tag => tag.GetString())
            .ShouldBe(["dragons", "training"]);
        article.GetProperty("createdAt").GetString()!.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");
        article.GetProperty("favorited").GetBoolean().ShouldBeFalse();
        article.GetProperty("favoritesCount").GetInt32().ShouldBe(0);
        article.GetProperty("author").GetProperty("username").GetString().ShouldBe(author.Username);
        response.Headers.Location!.ToString().ShouldBe("/api/articles/how-to-train-your-dragon");
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM articles WHERE author_id = @id", ("id", author.Id)))
            .ShouldBe(1);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM article_tags")).ShouldBe(2);
    }

    [Fact]
    public async Task A_second_article_with_the_same_title_gets_a_distinct_slug()
    {
        var (_, client) = await Factory.SignedInUserAsync();
        await client.PostAsJsonAsync("/api/articles", NewArticle());

        var second = await client.PostAsJsonAsync("/api/articles", NewArticle());

        var slug = (await second.ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("article").GetProperty("slug").GetString();
        slug.ShouldStartWith("how-to-train-your-dragon-");
        (await Factory.ScalarAsync<long>("SELECT count(DISTINCT slug) FROM articles")).ShouldBe(2);
    }

    [Fact]
    public async Task Creating_without_a_token_is_401_and_writes_nothing()
    {
        var response = await Anonymous.PostAsJsonAsync("/api/articles", NewArticle());

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM articles")).ShouldBe(0);
    }

    [Fact]
    public async Task Missing_fields_answer_422_and_create_neither_article_nor_tags()
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var response = await client.PostAsJsonAsync(
            "/api/articles", new { article = new { title = "", tagList = new[] { "orphan" } } });

        var errors = await response.ShouldBeValidationProblemAsync("body", "description", "title");
        errors.GetProperty("title")[0].GetString().ShouldBe("can't be empty");
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM articles")).ShouldBe(0);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM tags")).ShouldBe(0);
    }

    [Fact]
    public async Task The_author_changing_the_title_changes_the_slug()
    {
        var (_, client) = await Factory.SignedInUserAsync();
        await client.PostAsJsonAsync("/api/articles", NewArticle());

        var response = await client.PutAsJsonAsync(
            "/api/articles/how-to-train-your-dragon", new { article = new { title = "Did you train your dragon?" } });

        var article = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("article");
        article.GetProperty("slug").GetString().ShouldBe("did-you-train-your-dragon");
        article.GetProperty("description").GetString().ShouldBe("Ever wonder how?");
        (await Anonymous.GetAsync("/api/articles/how-to-train-your-dragon")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        (await Anonymous.GetAsync("/api/articles/did-you-train-your-dragon")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_user_updating_is_403_and_changes_nothing()
    {
        var (_, author) = await Factory.SignedInUserAsync();
        var (_, other) = await Factory.SignedInUserAsync();
        await author.PostAsJsonAsync("/api/articles", NewArticle());

        var response = await other.PutAsJsonAsync(
            "/api/articles/how-to-train-your-dragon", new { article = new { body = "hijacked" } });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Factory.ScalarAsync<string>("SELECT body FROM articles")).ShouldBe("You have to believe");
    }

    [Fact]
    public async Task Updating_without_a_token_is_401()
    {
        var (_, author) = await Factory.SignedInUserAsync();
        await author.PostAsJsonAsync("/api/articles", NewArticle());

        var response = await Anonymous.PutAsJsonAsync(
            "/api/articles/how-to-train-your-dragon", new { article = new { body = "x" } });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Updating_an_unknown_article_is_404()
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var response =
            await client.PutAsJsonAsync("/api/articles/no-such-article", new { article = new { body = "x" } });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_author_deleting_keeps_the_row_marked_deleted_and_hides_it_everywhere()
    {
        var (_, client) = await Factory.SignedInUserAsync();
        await client.PostAsJsonAsync("/api/articles", NewArticle());

        var response = await client.DeleteAsync("/api/articles/how-to-train-your-dragon");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Factory.ScalarAsync<string>("SELECT status FROM articles")).ShouldBe("Deleted");
        (await Anonymous.GetAsync("/api/articles/how-to-train-your-dragon")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        var list = await (await Anonymous.GetAsync("/api/articles")).ShouldBeJsonAsync(HttpStatusCode.OK);
        list.GetProperty("articlesCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_deleted_articles_slug_can_be_used_again()
    {
        var (_, client) = await Factory.SignedInUserAsync();
        await client.PostAsJsonAsync("/api/articles", NewArticle());
        await client.DeleteAsync("/api/articles/how-to-train-your-dragon");

        var again = await client.PostAsJsonAsync("/api/articles", NewArticle());

        (await again.ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("article").GetProperty("slug").GetString()
            .ShouldBe("how-to-train-your-dragon");
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM articles WHERE slug = 'how-to-train-your-dragon'"))
            .ShouldBe(2);
    }

    [Fact]
    public async Task Another_user_deleting_is_403_and_the_article_stays()
    {
        var (_, author) = await Factory.SignedInUserAsync();
        var (_, other) = await Factory.SignedInUserAsync();
        await author.PostAsJsonAsync("/api/articles", NewArticle());

        var response = await other.DeleteAsync("/api/articles/how-to-train-your-dragon");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Factory.ScalarAsync<string>("SELECT status FROM articles")).ShouldBe("Active");
    }

    [Fact]
    public async Task Deleting_without_a_token_is_401()
    {
        var (_, author) = await Factory.SignedInUserAsync();
        await author.PostAsJsonAsync("/api/articles", NewArticle());

        var response = await Anonymous.DeleteAsync("/api/articles/how-to-train-your-dragon");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await Factory.ScalarAsync<string>("SELECT status FROM articles")).ShouldBe("Active");
    }

    [Fact]
    public async Task Reading_one_article_costs_one_query_and_includes_the_body()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var saved = await Factory.SaveArticlesAsync(author, 1, "dragons", "training");

        var response = await Anonymous.GetAsync($"/api/articles/{saved[0].Slug}");

        var article = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("article");
        article.GetProperty("body").GetString().ShouldBe(TestArticles.Body);
        article.GetProperty("tagList").GetArrayLength().ShouldBe(2);
        Factory.QueryCounter.Count.ShouldBe(1, string.Join("\n", Factory.QueryCounter.Commands));
    }

    [Fact]
    public async Task An_unknown_slug_is_404()
    {
        var response = await Anonymous.GetAsync("/api/articles/no-such-article");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString().ShouldBe("No article with slug 'no-such-article'.");
    }
}
