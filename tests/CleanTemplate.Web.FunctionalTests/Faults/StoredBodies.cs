using Npgsql;

namespace CleanTemplate.Web.FunctionalTests.Faults;

/// <summary>What the workload's writes stored: each body with how often it is stored.</summary>
public static class StoredBodies
{
    public static async Task<Dictionary<string, int>> ReadAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(FaultWorkload.StoredBodies, connection);
        await using var rows = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, int>();
        while (await rows.ReadAsync())
            counts[rows.GetString(0)] = rows.GetInt32(1);
        return counts;
    }
}
