namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// The request's own <see cref="ApplicationDbContext"/> once something in the scope resolved it, so that a query can
/// ask whether it has a transaction open without leasing one from the pool only to ask. Filled by the context's
/// registration (<c>DependencyInjection.NoteTheRequestContext</c>).
/// </summary>
internal sealed class RequestContextLease
{
    /// <summary>The scope's context, or null while nothing has resolved it.</summary>
    public ApplicationDbContext? Leased { get; private set; }

    public ApplicationDbContext Note(ApplicationDbContext context) => Leased = context;
}
