using CleanTemplate.Application.Articles;

namespace CleanTemplate.Web.Endpoints.Articles;

internal static class ArticleListDocs
{
    public static readonly string Description =
        $"Newest first. `limit` defaults to {ArticlePaging.DefaultLimit} and may be at most {ArticlePaging.MaxLimit}; "
        + "an `offset` past the end returns an empty page. For deep pages use keyset pagination instead: every page "
        + "that has a next one answers a `Link: <...?cursor=...>; rel=\"next\"` header; pass that opaque `cursor` back "
        + "(without `offset`) to get the page after it at constant cost. `articlesCount` is always the total number "
        + "of matches.";
}
