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

namespace CleanTemplate.Web.Endpoints.Articles;

internal static class ArticleEndpoints
{
    private const string Tag = "Articles";

    public static void MapArticleEndpoints(this RouteGroupBuilder api)
    {
        var articles = api.MapGroup("/articles").WithTags(Tag);
        articles.MapGet("", ListAsync).WithName("GetArticles")
            .WithDescription(ArticleListDocs.Description).Produces<ArticlesEnvelope>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        articles.MapGet("/feed", FeedAsync).WithName("GetArticlesFeed").RequireAuthorization()
            .WithDescription(ArticleListDocs.Description).Produces<ArticlesEnvelope>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        articles.MapGet("/{slug}", GetAsync).WithName("GetArticle")
            .Produces<ArticleEnvelope<ArticleDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapPost("", CreateAsync).WithName("CreateArticle").RequireAuthorization()
            .Produces<ArticleEnvelope<ArticleDto>>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        articles.MapPut("/{slug}", UpdateAsync).WithName("UpdateArticle").RequireAuthorization()
            .WithDescription("Send the ETag of the article you edited as If-Match to be refused (409) if someone changed it since.")
            .Produces<ArticleEnvelope<ArticleDto>>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        articles.MapDelete("/{slug}", DeleteAsync).WithName("DeleteArticle").RequireAuthorization()
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapPost("/{slug}/favorite", FavoriteAsync).WithName("CreateArticleFavorite").RequireAuthorization()
            .Produces<ArticleEnvelope<ArticleDto>>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapDelete("/{slug}/favorite", UnfavoriteAsync).WithName("DeleteArticleFavorite").RequireAuthorization()
            .Produces<ArticleEnvelope<ArticleDto>>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, string? tag, string? author, string? favorited, string? limit, string? offset, string? cursor,
        IMediator mediator, CancellationToken cancellationToken)
    {
        var paging = PagingParameters.Parse(limit, offset);
        if (!paging.IsSuccess)
            return paging.Error.ToProblem();
        var query = new ListArticlesQuery(tag, author, favorited, paging.Value.Limit, paging.Value.Offset, cursor);
        return (await mediator.Send(query, cancellationToken)).ToHttpResult(page => Page(http, page));
    }

    private static async Task<IResult> FeedAsync(
        HttpContext http, string? limit, string? offset, string? cursor,
        IMediator mediator, CancellationToken cancellationToken)
    {
        var paging = PagingParameters.Parse(limit, offset);
        if (!paging.IsSuccess)
            return paging.Error.ToProblem();
        var query = new GetFeedQuery(paging.Value.Limit, paging.Value.Offset, cursor);
        return (await mediator.Send(query, cancellationToken)).ToHttpResult(page => Page(http, page));
    }

    private static async Task<IResult> GetAsync(string slug, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetArticleQuery(slug), cancellationToken)).ToHttpResult(Ok);

    private static async Task<IResult> CreateAsync(ArticleEnvelope<NewArticleRequest> body, IMediator mediator, CancellationToken cancellationToken)
    {
        var article = body.Article;
        var result = await mediator.Send(new CreateArticleCommand(article?.Title, article?.Description, article?.Body, article?.TagList), cancellationToken);
        return result.ToHttpResult(created =>
            new ArticleETag.WithETag(created.Version, TypedResults.Created($"/api/articles/{created.Slug}", new ArticleEnvelope<ArticleDto>(created))));
    }

    private static async Task<IResult> UpdateAsync(
        HttpContext http, string slug, ArticleEnvelope<UpdateArticleRequest> body, IMediator mediator, CancellationToken cancellationToken)
    {
        if (!ArticleETag.TryParseIfMatch(http.Request.Headers.IfMatch, out var expectedVersion))
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["If-Match"] = ["must be an ETag this API returned"] },
                statusCode: StatusCodes.Status422UnprocessableEntity);

        var article = body.Article;
        var command = new UpdateArticleCommand(slug, article?.Title, article?.Description, article?.Body, expectedVersion);
        return (await mediator.Send(command, cancellationToken)).ToHttpResult(Ok);
    }

    private static async Task<IResult> DeleteAsync(string slug, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new DeleteArticleCommand(slug), cancellationToken)).ToHttpResult(_ => TypedResults.NoContent());

    private static async Task<IResult> FavoriteAsync(string slug, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new FavoriteArticleCommand(slug), cancellationToken)).ToHttpResult(Ok);

    private static async Task<IResult> UnfavoriteAsync(string slug, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new UnfavoriteArticleCommand(slug), cancellationToken)).ToHttpResult(Ok);

    private static IResult Ok(ArticleDto article) => new ArticleETag.WithETag(article.Version, TypedResults.Ok(new ArticleEnvelope<ArticleDto>(article)));

    /// <summary>The body is exactly the spec's; the keyset cursor of the next page travels in a Link header (RFC 8288).</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.Ok<ArticlesEnvelope> Page(HttpContext http, ArticlePage page)
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
