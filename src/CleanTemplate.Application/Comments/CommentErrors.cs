using CleanTemplate.Application.Common.Results;

namespace CleanTemplate.Application.Comments;

internal static class CommentErrors
{
    public static Error NotFound(int id) => Error.NotFound($"No comment {id} on this article.");

    public static Error NotTheAuthor { get; } = Error.Forbidden("Only the author may delete this comment.");
}
