using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Users;
using FluentValidation;
using Mapster;
using MediatR;

namespace CleanTemplate.Application.Articles.Queries.GetFeed;

/// <summary>
/// Articles by the authors the caller follows, newest first; one SQL command whatever the page size (two for an empty
/// page).
/// </summary>
public sealed record GetFeedQuery(int? Limit, int? Offset, string? Cursor) : IQuery<ArticlePage>;

internal sealed class GetFeedHandler(IReadDbContext db, TypeAdapterConfig mapping, ICurrentUser currentUser)
    : IRequestHandler<GetFeedQuery, Result<ArticlePage>>
{
    public async Task<Result<ArticlePage>> Handle(GetFeedQuery request, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } viewerId)
            return UserErrors.NotSignedIn;

        return await ArticlePaging.PageAsync(
            db, mapping, new ArticleFilter(FollowedBy: viewerId), viewerId,
            request.Limit, request.Offset, request.Cursor, cancellationToken);
    }
}

internal sealed class GetFeedValidator : AbstractValidator<GetFeedQuery>
{
    public GetFeedValidator() =>
        this.AddPagingRules(query => query.Limit, query => query.Offset, query => query.Cursor);
}
