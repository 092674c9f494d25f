namespace CleanTemplate.Application.Profiles;

/// <summary>The RealWorld "Profile": how a user looks to the viewer (see <see cref="ProfileMappings"/>).</summary>
/// <remarks>
/// Init-only members rather than a positional record, here and in the other DTOs: Mapster projects them as a plain
/// member initializer, where a constructor would get a null guard per argument (CASE WHEN in the SQL).
/// </remarks>
public sealed record ProfileDto
{
    public required string Username { get; init; }

    public required string? Bio { get; init; }

    public required string? Image { get; init; }

    public required bool Following { get; init; }
}
