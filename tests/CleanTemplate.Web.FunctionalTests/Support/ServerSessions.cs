using System.Data.Common;
using Npgsql;

namespace CleanTemplate.Web.FunctionalTests.Support;

/// <summary>Ends one of the app's server sessions from an administrator's connection, as a failover would.</summary>
internal static class ServerSessions
{
    public static async Task EndAsync(string adminConnectionString, DbConnection session)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        // pg_terminate_backend with a timeout returns once the session has ended, so nothing here is left to timing.
        await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid, 10000)", admin);
        terminate.Parameters.AddWithValue("pid", ((NpgsqlConnection)session).ProcessID);
        await terminate.ExecuteScalarAsync();
    }
}
