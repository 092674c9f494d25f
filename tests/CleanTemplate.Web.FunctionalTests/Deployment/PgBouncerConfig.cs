using System.Globalization;

namespace CleanTemplate.Web.FunctionalTests.Deployment;

/// <summary>A pgbouncer.ini: its <c>[pgbouncer]</c> settings and the servers its <c>[databases]</c> lead to.</summary>
internal sealed class PgBouncerConfig
{
    private readonly Dictionary<string, Dictionary<string, string>> _sections;

    private PgBouncerConfig(Dictionary<string, Dictionary<string, string>> sections) => _sections = sections;

    public IReadOnlyDictionary<string, string> Settings => Section("pgbouncer");

    /// <summary>Each database name clients may ask for, with the server behind it (<c>app = host=...</c>).</summary>
    public IReadOnlyList<PgBouncerDatabase> Databases => Section("databases")
        .Select(entry => Target(entry.Key, entry.Value))
        .ToList();

    public static PgBouncerConfig Load(string path)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, string>? current = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is ';' or '#')
                continue;
            if (line[0] == '[')
            {
                current = sections[line.Trim('[', ']')] = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }

            var setting = line.Split('=', 2);
            if (current is null || setting.Length != 2)
                throw new FormatException($"{path}: '{line}' is not a setting of a section");
            current[setting[0].Trim()] = setting[1].Trim();
        }

        return new PgBouncerConfig(sections);
    }

    private Dictionary<string, string> Section(string name) =>
        _sections.TryGetValue(name, out var section) ? section : [];

    // The value is libpq-style "key=value key=value"; PgBouncer's defaults are port 5432 and the entry's own name.
    private static PgBouncerDatabase Target(string name, string connection)
    {
        var settings = connection.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        return new PgBouncerDatabase(
            name,
            settings.GetValueOrDefault("host", ""),
            int.Parse(settings.GetValueOrDefault("port", "5432"), CultureInfo.InvariantCulture),
            settings.GetValueOrDefault("dbname", name));
    }
}

internal sealed record PgBouncerDatabase(string Name, string Host, int Port, string DatabaseName);
