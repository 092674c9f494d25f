using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CleanTemplate.Web.FunctionalTests.Deployment;

/// <summary>One service of compose.yaml: the keys the deployment tests read, in each of compose's spellings.</summary>
internal sealed class ComposeService(string name, YamlMappingNode node)
{
    public string Name => name;

    public string? Image => Scalar(node, "image");

    public bool RunsPostgres => Runs("postgres");

    public bool RunsRabbitMq => Runs("rabbitmq");

    public bool RunsJaeger => Runs("jaegertracing/jaeger");

    public YamlMappingNode? Build => Child(node, "build") as YamlMappingNode;

    /// <summary><c>environment</c> as a mapping or as a list of <c>NAME=value</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment => Child(node, "environment") switch
    {
        YamlMappingNode map => map.Children.ToDictionary(
            entry => entry.Key.ToString(), entry => entry.Value.ToString()),
        YamlSequenceNode list => list.Children
            .Select(item => item.ToString().Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length == 2 ? pair[1] : ""),
        _ => new Dictionary<string, string>(),
    };

    /// <summary>The services of <c>depends_on</c> with their conditions (a list: <c>service_started</c>).</summary>
    public IReadOnlyDictionary<string, string> DependsOn => Child(node, "depends_on") switch
    {
        YamlMappingNode map => map.Children.ToDictionary(
            entry => entry.Key.ToString(),
            entry => Scalar((YamlMappingNode)entry.Value, "condition") ?? "service_started"),
        YamlSequenceNode list => list.Children.ToDictionary(item => item.ToString(), _ => "service_started"),
        _ => new Dictionary<string, string>(),
    };

    public IReadOnlyList<string> Command => Words(Child(node, "command"));

    public IReadOnlyList<string> HealthcheckTest =>
        Words(Child(node, "healthcheck") is YamlMappingNode check ? Child(check, "test") : null);

    /// <summary>The container side of each published port (<c>"8080:8080"</c>, <c>"127.0.0.1:80:8080"</c>).</summary>
    public IReadOnlyList<int> PublishedPorts => Words(Child(node, "ports"))
        .Select(port => int.Parse(port.Split('/')[0].Split(':')[^1], CultureInfo.InvariantCulture))
        .ToList();

    /// <summary>Bind mounts in the short syntax (<c>./source:/target[:ro]</c>); named volumes are left out.</summary>
    public IReadOnlyList<(string Source, string Target)> BindMounts => Words(Child(node, "volumes"))
        .Select(volume => volume.Split(':'))
        .Where(parts => parts[0].StartsWith('.') || parts[0].StartsWith('/'))
        .Select(parts => (parts[0], parts[1]))
        .ToList();

    private bool Runs(string repository) => Image?.StartsWith(repository + ":", StringComparison.Ordinal) ?? false;

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    // A list, or one string, which compose splits as a shell would; no value here needs quoting.
    private static List<string> Words(YamlNode? value) => value switch
    {
        YamlSequenceNode list => list.Children.Select(item => item.ToString()).ToList(),
        YamlScalarNode scalar => scalar.Value!.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
        _ => [],
    };
}
