namespace CleanTemplate.Application.FeatureName.Commands.UseCaseName;

public sealed record UseCaseNameDto(string Name);
