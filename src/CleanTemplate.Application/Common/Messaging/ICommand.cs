using CleanTemplate.Application.Common.Results;
using MediatR;

namespace CleanTemplate.Application.Common.Messaging;

/// <summary>A use case that changes state. Its handler saves once, via <see cref="Interfaces.IUnitOfWork"/>.</summary>
public interface ICommand<TResult> : IRequest<Result<TResult>>;
