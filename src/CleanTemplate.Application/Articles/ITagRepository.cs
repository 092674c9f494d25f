using CleanTemplate.Domain.Articles;

namespace CleanTemplate.Application.Articles;

public interface ITagRepository
{
    /// <summary>
    /// The tags with these names, creating the missing ones. Safe under concurrent creates of the same name:
    /// no duplicate, no error.
    /// </summary>
    Task<IReadOnlyList<Tag>> EnsureAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);
}
