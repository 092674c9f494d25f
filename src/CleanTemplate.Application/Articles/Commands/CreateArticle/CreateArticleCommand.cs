using CleanTemplate.Application.Common.Exceptions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Users;
using CleanTemplate.Domain.Articles;
using MediatR;

namespace CleanTemplate.Application.Articles.Commands.CreateArticle;

public sealed record CreateArticleCommand(
    string? Title,
    string? Description,
    string? Body,
    IReadOnlyList<string>? TagList)
    : ICommand<ArticleDto>;

internal sealed class CreateArticleHandler(
    ICurrentUser currentUser,
    IArticleRepository articles,
    ITagRepository tags,
    IUnitOfWork unitOfWork,
    ArticleReads reads)
    : IRequestHandler<CreateArticleCommand, Result<ArticleDto>>
{
    public async Task<Result<ArticleDto>> Handle(CreateArticleCommand request, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } authorId)
            return UserErrors.NotSignedIn;

        // The tag upsert and the article insert commit together, or neither does. The answer is read before the
        // commit: once committed, no further round trip may fail and turn a write that happened into an error.
        return await unitOfWork.InTransactionAsync<Result<ArticleDto>>(async ct =>
        {
            var tagged = await tags.EnsureAsync(TagNames.Normalize(request.TagList), ct);
            var written = Article.Write(authorId, request.Title!, request.Description!, request.Body!, tagged);
            articles.Add(written);
            await ArticleSlugs.SaveWithUniqueSlugAsync(written, articles, unitOfWork, ct);
            return (await reads.BySlugAsync(written.Slug, authorId, ct))!;
        }, cancellationToken);
    }
}
