namespace CleanTemplate.Application.FeatureName.Queries.UseCaseName;

public sealed record UseCaseNameDto(string Name);
