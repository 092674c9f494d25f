using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Contexts on the server itself (<c>ConnectionStrings:DatabaseDirect</c>, else the requests' connection string),
/// outside the pool of request contexts: for work that must keep one server session for a while, as the migration
/// lock does, which a transaction pooler cannot give.
/// </summary>
internal sealed class DirectDatabase(
    string connectionString,
    DatabaseOptions options,
    ILoggerFactory? loggerFactory,
    IEnumerable<IInterceptor> interceptors)
{
    public ApplicationDbContext CreateDbContext()
    {
        var builder = new DbContextOptionsBuilder<ApplicationDbContext>();
        builder.UseApplicationDatabase(connectionString, options).AddInterceptors(interceptors);
        if (loggerFactory is not null)
            builder.UseLoggerFactory(loggerFactory);
        return new ApplicationDbContext(builder.Options);
    }
}
