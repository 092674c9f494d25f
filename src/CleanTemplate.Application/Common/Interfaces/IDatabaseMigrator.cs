namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>Applies pending schema migrations; what the host's <c>--migrate</c> switch runs.</summary>
public interface IDatabaseMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
