using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Xml.Linq;
using CleanTemplate.TestSupport;

namespace CleanTemplate.Web.FunctionalTests.Deployment;

/// <summary>
/// The Dockerfile is never built where the tests run (no Docker engine), so these read it against the projects it
/// builds: the right project and assembly, a restore layer that misses none of them, a non-root user, one port.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly Assembly WebApp = typeof(Program).Assembly;

    private static DeploymentFiles Files => DeploymentFiles.Repository;

    private static DockerfileInstructions Dockerfile => Files.Dockerfile;

    [Fact]
    public void It_publishes_the_web_project()
    {
        var project = PublishedProject();

        File.Exists(RepositoryFolder.Combine(project)).ShouldBeTrue($"{project} is not in the repository");
        Path.GetFileNameWithoutExtension(project).ShouldBe(WebApp.GetName().Name);
    }

    [Fact]
    public void Its_entrypoint_runs_the_web_assembly_from_the_published_folder()
    {
        var entrypoint = JsonSerializer.Deserialize<string[]>(Dockerfile.FinalStage.Single(
            instruction => instruction.Is("ENTRYPOINT")).Arguments)!;
        var published = Dockerfile.FinalStage.Single(instruction => instruction.Is("COPY")
            && instruction.Words.Contains("--from=build")).Operands[^1];

        entrypoint.Length.ShouldBe(2);
        entrypoint[0].ShouldBe("dotnet");
        Path.GetFileName(entrypoint[1]).ShouldBe($"{WebApp.GetName().Name}.dll");
        Path.GetDirectoryName(entrypoint[1]).ShouldBe(published.TrimEnd('/'));
    }

    [Fact]
    public void Its_restore_layer_copies_every_project_the_web_project_builds_with()
    {
        var copied = Dockerfile.Named("COPY")
            .SelectMany(instruction => instruction.Operands.SkipLast(1))
            .Where(source => source.EndsWith(".csproj", StringComparison.Ordinal))
            .ToList();

        copied.ShouldBe(ProjectsBuiltWith(PublishedProject()), ignoreOrder: true);
    }

    [Fact]
    public void The_app_runs_as_an_unprivileged_user()
    {
        var user = Dockerfile.FinalStage.LastOrDefault(instruction => instruction.Is("USER"))?.Arguments;

        user.ShouldNotBeNull("the final stage needs a USER, or the app runs as root");
        user.Split(':')[0].ShouldNotBeOneOf("root", "0");
    }

    [Fact]
    public void Its_images_are_those_of_the_web_projects_target_framework()
    {
        var framework = new FrameworkName(WebApp.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);
        var images = Dockerfile.Named("FROM").Select(instruction => instruction.Operands[0]).ToList();

        images.ShouldBe([
            $"mcr.microsoft.com/dotnet/sdk:{framework.Version}",
            $"mcr.microsoft.com/dotnet/aspnet:{framework.Version}",
        ]);
    }

    [Fact]
    public void The_port_the_app_listens_on_is_the_one_exposed_and_published()
    {
        var port = Files.HttpPort();

        port.ShouldNotBeNull("ASPNETCORE_HTTP_PORTS is set neither in the Dockerfile nor for the app service");
        Dockerfile.FinalStage.Single(instruction => instruction.Is("EXPOSE")).Arguments.ShouldBe($"{port}");
        Files.App.PublishedPorts.ShouldBe([port.Value]);
    }

    [Fact]
    public void Compose_builds_the_app_from_this_Dockerfile()
    {
        var build = Files.App.Build!;

        build["context"].ToString().ShouldBe(".");
        build["dockerfile"].ToString().ShouldBe("Dockerfile");
    }

    [Fact]
    public void Build_output_local_databases_and_secrets_stay_out_of_the_build_context()
    {
        var ignored = File.ReadLines(RepositoryFolder.Combine(".dockerignore"))
            .Select(line => line.Trim().TrimEnd('/'))
            .ToList();

        ignored.ShouldContain("**/bin");
        ignored.ShouldContain("**/obj");
        ignored.ShouldContain("**/.data");
        ignored.ShouldContain(".env");
    }

    private static string PublishedProject()
    {
        var publish = Dockerfile.Named("RUN").Single(instruction =>
            instruction.Arguments.StartsWith("dotnet publish ", StringComparison.Ordinal));
        return publish.Operands.Skip(2).First(word => word.EndsWith(".csproj", StringComparison.Ordinal));
    }

    // The project and, transitively, every project it references, as paths from the repository root.
    private static List<string> ProjectsBuiltWith(string project)
    {
        var found = new List<string>();
        var pending = new Queue<string>([project]);
        while (pending.TryDequeue(out var next))
        {
            if (found.Contains(next))
                continue;
            found.Add(next);
            var folder = Path.GetDirectoryName(next)!;
            foreach (var reference in XDocument.Load(RepositoryFolder.Combine(next)).Descendants("ProjectReference"))
            {
                var path = Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/'));
                pending.Enqueue(Path.GetRelativePath(RepositoryFolder.Path, RepositoryFolder.Combine(path))
                    .Replace('\\', '/'));
            }
        }

        return found;
    }
}
