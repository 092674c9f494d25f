using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>
/// An <see cref="IReadDbContext"/> whose reads go to one of several EF contexts, decided per use (queries on a
/// standby): the one they go to now, for a compiled query, which runs on a context.
/// </summary>
public interface IRoutedReadDbContext
{
    DbContext CurrentContext { get; }
}
