using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Users;
using MediatR;

namespace CleanTemplate.Application.Articles.Commands.ArchiveAuthorArticles;

/// <summary>Deletes every live article of the signed-in user at once; the result is how many were deleted.</summary>
public sealed record ArchiveAuthorArticlesCommand : ICommand<int>;

internal sealed class ArchiveAuthorArticlesHandler(
    ICurrentUser currentUser,
    IArticleRepository articles,
    TimeProvider clock)
    : IRequestHandler<ArchiveAuthorArticlesCommand, Result<int>>
{
    public async Task<Result<int>> Handle(ArchiveAuthorArticlesCommand request, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId)
            return UserErrors.NotSignedIn;

        // One set-based UPDATE rather than loading each article and calling Delete(): one statement however many
        // articles the author has. It bypasses SaveChanges, so the timestamp auditing would stamp is passed in.
        return await articles.ArchiveAllByAuthorAsync(userId, clock.GetUtcNow(), cancellationToken);
    }
}
