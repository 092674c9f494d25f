using CleanTemplate.Application.Profiles;

namespace CleanTemplate.Application.Comments;

/// <summary>The RealWorld "Comment" (projected by <see cref="CommentMappings"/>).</summary>
public sealed record CommentDto
{
    public required int Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string Body { get; init; }

    public required ProfileDto Author { get; init; }
}
