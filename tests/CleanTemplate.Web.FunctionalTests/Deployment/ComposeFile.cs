using YamlDotNet.RepresentationModel;

namespace CleanTemplate.Web.FunctionalTests.Deployment;

/// <summary>The services of a compose file, as its YAML says them (variables not substituted).</summary>
internal sealed class ComposeFile
{
    private ComposeFile(IReadOnlyDictionary<string, ComposeService> services) => Services = services;

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    public ComposeService this[string name] => Services.TryGetValue(name, out var service)
        ? service
        : throw new ShouldAssertException($"compose.yaml has no service '{name}'");

    public static ComposeFile Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
            yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        var services = (YamlMappingNode)root["services"];
        return new ComposeFile(services.Children.ToDictionary(
            entry => entry.Key.ToString(),
            entry => new ComposeService(entry.Key.ToString(), (YamlMappingNode)entry.Value)));
    }
}
