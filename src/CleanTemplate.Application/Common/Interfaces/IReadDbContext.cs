using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Profiles;
using CleanTemplate.Domain.Users;

namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>
/// The read side: no-tracking queryables that queries project straight into DTOs, without a repository.
/// Soft-deleted articles and comments are already filtered out.
/// </summary>
public interface IReadDbContext
{
    IQueryable<User> Users { get; }

    IQueryable<Follow> Follows { get; }

    IQueryable<Article> Articles { get; }

    IQueryable<Tag> Tags { get; }

    IQueryable<Comment> Comments { get; }

    IQueryable<Favorite> Favorites { get; }
}
