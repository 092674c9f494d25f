using CleanTemplate.Domain.Articles;
using Mapster;

namespace CleanTemplate.Application.Comments;

/// <summary>Every member matches by name; the author is the profile map.</summary>
internal sealed class CommentMappings : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Comment, CommentDto>();
}
