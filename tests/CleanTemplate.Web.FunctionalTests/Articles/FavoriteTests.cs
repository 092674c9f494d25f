using System.Net;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Articles;

public sealed class FavoriteTests(WebApiFactory factory) : ApiTest(factory)
{
    private const string FavoriteCount =
        "SELECT count(*) FROM favorites WHERE user_id = @user AND article_id = @article";
    private const string FavoritesOfArticle = "SELECT count(*) FROM favorites WHERE article_id = @article";

    [Fact]
    public async Task Favoriting_answers_the_article_favorited_with_one_favorite_and_stores_it()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var (me, client) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);

        var response = await client.PostAsync($"/api/articles/{article.Slug}/favorite", null);

        var body = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("article");
        body.GetProperty("slug").GetString().ShouldBe(article.Slug);
        body.GetProperty("favorited").GetBoolean().ShouldBeTrue();
        body.GetProperty("favoritesCount").GetInt32().ShouldBe(1);
        (await Factory.ScalarAsync<long>(FavoriteCount, ("user", me.Id), ("article", article.Id))).ShouldBe(1);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM favorites")).ShouldBe(1);
    }

    [Fact]
    public async Task Favoriting_twice_keeps_one_favorite()
    {
        var (me, client) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(me);
        (await client.PostAsync($"/api/articles/{article.Slug}/favorite", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await client.PostAsync($"/api/articles/{article.Slug}/favorite", null);

        var body = (await again.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("article");
        body.GetProperty("favorited").GetBoolean().ShouldBeTrue();
        body.GetProperty("favoritesCount").GetInt32().ShouldBe(1);
        (await Factory.ScalarAsync<long>(FavoriteCount, ("user", me.Id), ("article", article.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Unfavoriting_answers_the_article_not_favorited_and_removes_the_favorite()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var (me, client) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);
        await Factory.SaveAsync(new Favorite(me.Id, article.Id));

        var response = await client.DeleteAsync($"/api/articles/{article.Slug}/favorite");

        var body = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("article");
        body.GetProperty("favorited").GetBoolean().ShouldBeFalse();
        body.GetProperty("favoritesCount").GetInt32().ShouldBe(0);
        (await Factory.ScalarAsync<long>(FavoritesOfArticle, ("article", article.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Unfavoriting_an_article_that_is_not_a_favorite_succeeds_and_leaves_none()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var (me, client) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);

        var response = await client.DeleteAsync($"/api/articles/{article.Slug}/favorite");

        var body = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("article");
        body.GetProperty("favorited").GetBoolean().ShouldBeFalse();
        body.GetProperty("favoritesCount").GetInt32().ShouldBe(0);
        (await Factory.ScalarAsync<long>(FavoriteCount, ("user", me.Id), ("article", article.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Unfavoriting_removes_only_the_callers_favorite()
    {
        var (other, _) = await Factory.SignedInUserAsync();
        var (me, client) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(other);
        await Factory.SaveAsync(new Favorite(me.Id, article.Id), new Favorite(other.Id, article.Id));

        var response = await client.DeleteAsync($"/api/articles/{article.Slug}/favorite");

        var body = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("article");
        body.GetProperty("favorited").GetBoolean().ShouldBeFalse();
        body.GetProperty("favoritesCount").GetInt32().ShouldBe(1);
        (await Factory.ScalarAsync<long>(FavoriteCount, ("user", other.Id), ("article", article.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Favoriting_an_unknown_article_is_404_and_stores_nothing()
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var response = await client.PostAsync("/api/articles/no-such-article/favorite", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM favorites")).ShouldBe(0);
    }

    [Fact]
    public async Task Unfavoriting_an_unknown_article_is_404()
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var response = await client.DeleteAsync("/api/articles/no-such-article/favorite");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Favoriting_without_a_token_is_401_and_stores_nothing()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);

        var response = await Anonymous.PostAsync($"/api/articles/{article.Slug}/favorite", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM favorites")).ShouldBe(0);
    }

    [Fact]
    public async Task Unfavoriting_without_a_token_is_401_and_keeps_the_favorite()
    {
        var (me, _) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(me);
        await Factory.SaveAsync(new Favorite(me.Id, article.Id));

        var response = await Anonymous.DeleteAsync($"/api/articles/{article.Slug}/favorite");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await Factory.ScalarAsync<long>(FavoriteCount, ("user", me.Id), ("article", article.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_favorites_by_many_users_are_all_counted()
    {
        const int users = 20;
        var (author, _) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);
        var clients = new List<HttpClient>();
        for (var i = 0; i < users; i++)
            clients.Add((await Factory.SignedInUserAsync()).Client);

        var responses = await Task.WhenAll(
            clients.Select(client => client.PostAsync($"/api/articles/{article.Slug}/favorite", null)));

        responses.Select(response => response.StatusCode).ShouldAllBe(status => status == HttpStatusCode.OK);
        var final = (await (await Anonymous.GetAsync($"/api/articles/{article.Slug}"))
            .ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("article");
        final.GetProperty("favoritesCount").GetInt32().ShouldBe(users);
        (await Factory.ScalarAsync<long>(FavoritesOfArticle, ("article", article.Id))).ShouldBe(users);
    }
}
