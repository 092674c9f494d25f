using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using MediatR;

namespace CleanTemplate.Application.FeatureName.Commands.UseCaseName;

/// <summary>Changes state. As scaffolded, its handler changes nothing and answers with the name it was given.</summary>
public sealed record UseCaseNameCommand(string? Name) : ICommand<UseCaseNameDto>;

internal sealed class UseCaseNameHandler(IUnitOfWork unitOfWork)
    : IRequestHandler<UseCaseNameCommand, Result<UseCaseNameDto>>
{
    public async Task<Result<UseCaseNameDto>> Handle(
        UseCaseNameCommand request, CancellationToken cancellationToken)
    {
        // A command loads its aggregate, changes it through its methods, then saves once: everything in one commit.
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new UseCaseNameDto(request.Name!);
    }
}
