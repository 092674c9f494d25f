using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.FeatureName.Queries.UseCaseName;

/// <summary>Only reads. As scaffolded, its handler reads the user of that name: a stand-in for your data.</summary>
public sealed record UseCaseNameQuery(string? Name) : IQuery<UseCaseNameDto>;

internal sealed class UseCaseNameHandler(IReadDbContext db)
    : IRequestHandler<UseCaseNameQuery, Result<UseCaseNameDto>>
{
    public async Task<Result<UseCaseNameDto>> Handle(
        UseCaseNameQuery request, CancellationToken cancellationToken) =>
        await db.Users
            .Where(user => user.Username == request.Name)
            .Select(user => new UseCaseNameDto(user.Username))
            .SingleOrDefaultAsync(cancellationToken) is { } found
            ? found
            : Error.NotFound($"No user is named '{request.Name}'.");
}
