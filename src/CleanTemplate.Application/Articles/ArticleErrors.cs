using CleanTemplate.Application.Common.Results;

namespace CleanTemplate.Application.Articles;

internal static class ArticleErrors
{
    public static Error NotFound(string slug) => Error.NotFound($"No article with slug '{slug}'.");

    public static Error NotTheAuthor { get; } = Error.Forbidden("Only the author may change this article.");

    public static Error ChangedSinceRead { get; } =
        Error.Conflict("The article was changed since you read it (If-Match does not match its ETag). "
            + "Reload it and apply your change again.");
}
