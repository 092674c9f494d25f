using System.Runtime.CompilerServices;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Domain.Users;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Profiles;

/// <summary>
/// The one read of a profile as the viewer sees it: what <c>GetProfile</c> and the follows answer. A compiled query
/// (<see cref="CompiledReads"/>).
/// </summary>
internal sealed class ProfileReads(IReadDbContext db, TypeAdapterConfig mapping)
{
    // One compiled query per Mapster config: the host has one, tests may build their own.
    private static readonly ConditionalWeakTable<TypeAdapterConfig,
        Func<DbContext, string, int?, CancellationToken, Task<ProfileDto?>>> ByUsername = new();

    public Task<ProfileDto?> ByUsernameAsync(string username, int? viewerId, CancellationToken cancellationToken) =>
        ByUsername.GetValue(mapping, Compile)(CompiledReads.ContextOf(db), username, viewerId, cancellationToken);

    private static Func<DbContext, string, int?, CancellationToken, Task<ProfileDto?>> Compile(
        TypeAdapterConfig mapping) =>
        CompiledReads.SingleOrDefault<User, ProfileDto, string>(mapping, (user, username) => user.Username == username);
}
