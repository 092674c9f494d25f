using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Common.Validation;
using CleanTemplate.Application.Users;
using CleanTemplate.Domain.Articles;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Comments.Commands.AddComment;

public sealed record AddCommentCommand(string Slug, string? Body) : ICommand<CommentDto>;

internal sealed class AddCommentHandler(
    ICurrentUser currentUser,
    IArticleRepository articles,
    IUnitOfWork unitOfWork,
    IReadDbContext db,
    TypeAdapterConfig mapping)
    : IRequestHandler<AddCommentCommand, Result<CommentDto>>
{
    public async Task<Result<CommentDto>> Handle(AddCommentCommand request, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId)
            return UserErrors.NotSignedIn;
        // Read back before the commit: once committed, no further round trip may fail and turn the write into an error.
        // The article is loaded inside the unit, so a replay after a rolled-back commit comments on it afresh.
        return await unitOfWork.InTransactionAsync<Result<CommentDto>>(async ct =>
        {
            var article = await articles.GetBySlugAsync(request.Slug, ct);
            if (article is null)
                return ArticleErrors.NotFound(request.Slug);

            var comment = article.Comment(userId, request.Body!);
            await unitOfWork.SaveChangesAsync(ct);
            using var viewer = Viewer.Begin(db, userId);
            return await db.Comments.Where(saved => saved.Id == comment.Id)
                .ProjectToType<CommentDto>(mapping)
                .SingleAsync(ct);
        }, cancellationToken);
    }
}

internal sealed class AddCommentValidator : AbstractValidator<AddCommentCommand>
{
    public AddCommentValidator() =>
        RuleFor(command => command.Body).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("can't be empty")
            .StorableText()
            .MaximumLength(Comment.BodyMaxLength)
            .WithMessage($"is too long (maximum is {Comment.BodyMaxLength} characters)");
}
