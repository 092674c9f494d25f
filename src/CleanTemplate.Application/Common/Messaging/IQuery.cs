using CleanTemplate.Application.Common.Results;
using MediatR;

namespace CleanTemplate.Application.Common.Messaging;

/// <summary>A use case that only reads: a no-tracking projection into a DTO.</summary>
public interface IQuery<TResult> : IRequest<Result<TResult>>;
