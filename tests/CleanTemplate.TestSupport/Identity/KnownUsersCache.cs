using CleanTemplate.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.TestSupport.Identity;

/// <summary>
/// A reset database restarts its ids, so users the app remembers as existing would be new users' ids: forget them
/// whenever the database is emptied under a running host.
/// </summary>
public static class KnownUsersCache
{
    public static void Clear(IServiceProvider services) => services.GetRequiredService<KnownUsers>().Clear();
}
