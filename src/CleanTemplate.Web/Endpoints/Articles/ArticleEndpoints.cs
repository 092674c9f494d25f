using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Articles.Commands.CreateArticle;
using CleanTemplate.Application.Articles.Commands.DeleteArticle;
using CleanTemplate.Application.Articles.Commands.FavoriteArticle;
using CleanTemplate.Application.Articles.Commands.UpdateArticle;
using CleanTemplate.Application.Articles.Queries.GetArticle;
using CleanTemplate.Application.Articles.Queries.GetFeed;
using CleanTemplate.Application.Articles.Queries.ListArticles;
using CleanTemplate.Web.Errors;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CleanTemplate.Web.Endpoints.Articles;

internal static class ArticleEndpoints
{
    private const string Tag = "Articles";

    public static void MapArticleEndpoints(this RouteGroupBuilder api)
    {
        var articles = api.MapGroup("/articles").WithTags(Tag);
        articles.MapGet("", ListAsync).WithName("GetArticles").WithDescription(ArticleListDocs.Description);
        articles.MapGet("/feed", FeedAsync).WithName("GetArticlesFeed").RequireAuthorization()
            .WithDescription(ArticleListDocs.Description);
        articles.MapGet("/{slug}", GetAsync).WithName("GetArticle");
        articles.MapPost("", CreateAsync).WithName("CreateArticle").RequireAuthorization();
        articles.MapPut("/{slug}", UpdateAsync).WithName("UpdateArticle").RequireAuthorization().WithDescription(
            "Send the ETag of the article you edited as If-Match to be refused (409) if someone changed it since.");
        articles.MapDelete("/{slug}", DeleteAsync).WithName("DeleteArticle").RequireAuthorization();
        articles.MapPost("/{slug}/favorite", FavoriteAsync).WithName("CreateArticleFavorite").RequireAuthorization();
        articles.MapDelete("/{slug}/favorite", UnfavoriteAsync).WithName("DeleteArticleFavorite")
            .RequireAuthorization();
    }

    private static async Task<Results<Ok<ArticlesEnvelope>, UnprocessableEntityProblem>> ListAsync(
        HttpContext http, string? tag, string? author, string? favorited, string? limit, string? offset, string? cursor,
        IMediator mediator, CancellationToken cancellationToken)
    {
        var paging = PagingParameters.Parse(limit, offset);
        if (!paging.IsSuccess)
            return UnprocessableEntityProblem.From(paging.Error);
        var query = new ListArticlesQuery(tag, author, favorited, paging.Value.Limit, paging.Value.Offset, cursor);
        return (await mediator.Send(query, cancellationToken)).ToHttpResult(page => Page(http, page))
            .Or<UnprocessableEntityProblem>();
    }

    private static async Task<Results<Ok<ArticlesEnvelope>, UnauthorizedProblem, UnprocessableEntityProblem>> FeedAsync(
        HttpContext http, string? limit, string? offset, string? cursor,
        IMediator mediator, CancellationToken cancellationToken)
    {
        var paging = PagingParameters.Parse(limit, offset);
        if (!paging.IsSuccess)
            return UnprocessableEntityProblem.From(paging.Error);
        var query = new GetFeedQuery(paging.Value.Limit, paging.Value.Offset, cursor);
        return (await mediator.Send(query, cancellationToken)).ToHttpResult(page => Page(http, page))
            .Or<UnauthorizedProblem, UnprocessableEntityProblem>();
    }

    private static async Task<Results<WithETag<Ok<ArticleEnvelope<ArticleDto>>>, NotFoundProblem>> GetAsync(
        string slug, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetArticleQuery(slug), cancellationToken)).ToHttpResult(Ok).Or<NotFoundProblem>();

    private static async Task<Results<
            WithETag<Created<ArticleEnvelope<ArticleDto>>>, UnauthorizedProblem, UnprocessableEntityProblem>>
        CreateAsync(ArticleEnvelope<NewArticleRequest> body, IMediator mediator, CancellationToken cancellationToken)
    {
        var article = body.Article;
        var command = new CreateArticleCommand(article?.Title, article?.Description, article?.Body, article?.TagList);
        return (await mediator.Send(command, cancellationToken)).ToHttpResult(Created)
            .Or<UnauthorizedProblem, UnprocessableEntityProblem>();
    }

    private static async Task<Results<WithETag<Ok<ArticleEnvelope<ArticleDto>>>, UnauthorizedProblem, ForbiddenProblem,
            NotFoundProblem, ConflictProblem, UnprocessableEntityProblem>>
        UpdateAsync(HttpContext http, string slug, ArticleEnvelope<UpdateArticleRequest> body, IMediator mediator,
            CancellationToken cancellationToken)
    {
        if (!ArticleETag.TryParseIfMatch(http.Request.Headers.IfMatch, out var expectedVersion))
            return UnprocessableEntityProblem.ForHeader("If-Match", "must be an ETag this API returned");

        var article = body.Article;
        var command =
            new UpdateArticleCommand(slug, article?.Title, article?.Description, article?.Body, expectedVersion);
        return (await mediator.Send(command, cancellationToken)).ToHttpResult(Ok)
            .Or<UnauthorizedProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, UnprocessableEntityProblem>();
    }

    private static async Task<Results<NoContent, UnauthorizedProblem, ForbiddenProblem, NotFoundProblem>> DeleteAsync(
        string slug, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new DeleteArticleCommand(slug), cancellationToken))
            .ToHttpResult(_ => TypedResults.NoContent())
            .Or<UnauthorizedProblem, ForbiddenProblem, NotFoundProblem>();

    private static async Task<Results<WithETag<Ok<ArticleEnvelope<ArticleDto>>>, UnauthorizedProblem, NotFoundProblem>>
        FavoriteAsync(string slug, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new FavoriteArticleCommand(slug), cancellationToken)).ToHttpResult(Ok)
            .Or<UnauthorizedProblem, NotFoundProblem>();

    private static async Task<Results<WithETag<Ok<ArticleEnvelope<ArticleDto>>>, UnauthorizedProblem, NotFoundProblem>>
        UnfavoriteAsync(string slug, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new UnfavoriteArticleCommand(slug), cancellationToken)).ToHttpResult(Ok)
            .Or<UnauthorizedProblem, NotFoundProblem>();

    private static WithETag<Ok<ArticleEnvelope<ArticleDto>>> Ok(ArticleDto article) =>
        new(article.Version, TypedResults.Ok(new ArticleEnvelope<ArticleDto>(article)));

    private static WithETag<Created<ArticleEnvelope<ArticleDto>>> Created(ArticleDto article) => new(
        article.Version,
        TypedResults.Created($"/api/articles/{article.Slug}", new ArticleEnvelope<ArticleDto>(article)));

    /// <summary>The body is exactly the spec's; the next page's keyset cursor is in a Link header (RFC 8288).</summary>
    private static Ok<ArticlesEnvelope> Page(HttpContext http, ArticlePage page)
    {
        if (page.NextCursor is { } next)
        {
            var query = http.Request.Query
                .Where(pair => pair.Key is not ("cursor" or "offset"))
                .Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value.ToString())}")
                .Append($"cursor={next}");
            http.Response.Headers.Link = $"<{http.Request.Path}?{string.Join('&', query)}>; rel=\"next\"";
        }

        return TypedResults.Ok(new ArticlesEnvelope(page.Articles, page.ArticlesCount));
    }
}
