using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Tags.Queries.ListTags;

/// <summary>Tags used by live articles, most used first.</summary>
public sealed record ListTagsQuery : IQuery<IReadOnlyList<string>>;

internal sealed class ListTagsHandler(IReadDbContext db) : IRequestHandler<ListTagsQuery, Result<IReadOnlyList<string>>>
{
    public async Task<Result<IReadOnlyList<string>>> Handle(
        ListTagsQuery request,
        CancellationToken cancellationToken) =>
        await db.Articles
            .SelectMany(article => article.Tags)
            .GroupBy(link => link.Tag.Name)
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Key)
            .Select(group => group.Key)
            .ToListAsync(cancellationToken);
}
