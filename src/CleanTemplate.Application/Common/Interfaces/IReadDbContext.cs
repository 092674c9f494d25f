//#if (conduit)
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Profiles;
//#endif
using CleanTemplate.Domain.Users;

namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>
/// The read side: no-tracking queryables that queries project straight into DTOs, without a repository.
/// The model's query filters (soft deletes) already apply.
/// </summary>
public interface IReadDbContext
{
    IQueryable<User> Users { get; }
    //#if (conduit)

    IQueryable<Follow> Follows { get; }

    IQueryable<Article> Articles { get; }

    IQueryable<Tag> Tags { get; }

    IQueryable<Comment> Comments { get; }

    IQueryable<Favorite> Favorites { get; }
    //#endif
}
