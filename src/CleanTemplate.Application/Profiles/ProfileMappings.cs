using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Domain.Users;
using Mapster;

namespace CleanTemplate.Application.Profiles;

/// <summary>
/// How a user looks to the viewer; the authors of articles and comments are mapped by it too. An anonymous viewer
/// (<see cref="Viewer.Id"/> null) follows nobody: EF turns <c>follower_id = NULL</c> into FALSE when it sees the null
/// parameter, so no guard is needed, and none is written: EF would evaluate an <c>Id != null</c> test on the client on
/// every query execution (decision 0011).
/// </summary>
internal sealed class ProfileMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<User, ProfileDto>()
            .Map(profile => profile.Bio, user => user.Profile.Bio)
            .Map(profile => profile.Image, user => user.Profile.Image)
            .Map(profile => profile.Following, user => Viewer.Current.Reads.Follows
                .Any(follow => follow.FollowerId == Viewer.Current.Id && follow.FolloweeId == user.Id));
}
