using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using FluentValidation;
using MediatR;

namespace CleanTemplate.Application.Articles.Commands.PurgeDeletedArticles;

/// <summary>
/// Maintenance, not an endpoint: destroys the articles deleted more than <paramref name="OlderThanDays"/> days
/// ago, with their comments, favorites and tag links. The result is how many articles were destroyed.
/// </summary>
public sealed record PurgeDeletedArticlesCommand(int OlderThanDays) : ICommand<int>;

internal sealed class PurgeDeletedArticlesHandler(IArticleRepository articles, TimeProvider clock)
    : IRequestHandler<PurgeDeletedArticlesCommand, Result<int>>
{
    public async Task<Result<int>> Handle(PurgeDeletedArticlesCommand request, CancellationToken cancellationToken) =>
        await articles.PurgeDeletedBeforeAsync(clock.GetUtcNow().AddDays(-request.OlderThanDays), cancellationToken);
}

internal sealed class PurgeDeletedArticlesValidator : AbstractValidator<PurgeDeletedArticlesCommand>
{
    public PurgeDeletedArticlesValidator() =>
        RuleFor(command => command.OlderThanDays).GreaterThanOrEqualTo(0).WithMessage("must be 0 or more");
}
