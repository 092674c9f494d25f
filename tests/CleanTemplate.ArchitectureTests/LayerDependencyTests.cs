using System.Reflection;
using NetArchTest.Rules;

namespace CleanTemplate.ArchitectureTests;

public sealed class LayerDependencyTests
{
    [Fact]
    public void Domain_references_nothing_but_the_runtime()
    {
        var references = Referenced(Layers.Domain);

        references.ShouldAllBe(name => IsRuntime(name));
    }

    [Fact]
    public void Application_references_only_domain_and_its_chosen_libraries()
    {
        string[] allowed =
        [
            Layers.NameOf(Layers.Domain),
            "MediatR",
            "FluentValidation",
            "FluentValidation.DependencyInjectionExtensions",
            "Mapster",
            "Mapster.Core",
            "Microsoft.EntityFrameworkCore",
        ];

        var references = Referenced(Layers.Application).Where(name => !IsRuntime(name));

        references.ShouldAllBe(name =>
            allowed.Contains(name) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_does_not_reference_the_outer_layers() =>
        Referenced(Layers.Application).ShouldNotContain(name =>
            new[] { Layers.Infrastructure, Layers.Web, Layers.Cli }.Select(Layers.NameOf).Contains(name));

    [Theory]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.EntityFrameworkCore.Relational")]
    [InlineData("Microsoft.AspNetCore.Http.Abstractions")]
    public void Application_does_not_reference(string forbidden) =>
        Referenced(Layers.Application).ShouldNotContain(forbidden);

    [Fact]
    public void Infrastructure_does_not_reference_web() =>
        Referenced(Layers.Infrastructure).ShouldNotContain(Layers.NameOf(Layers.Web));

    [Fact]
    public void Only_the_cli_itself_depends_on_the_cli()
    {
        var dependents = new[] { Layers.Domain, Layers.Application, Layers.Infrastructure, Layers.Web }
            .Where(layer => Referenced(layer).Contains(Layers.NameOf(Layers.Cli)))
            .Select(layer => layer.GetName().Name);

        dependents.ShouldBeEmpty();
    }

    [Fact]
    public void Production_code_does_not_reference_the_local_postgres_launcher()
    {
        var dependents = new[] { Layers.Domain, Layers.Application, Layers.Infrastructure, Layers.Cli }
            .Where(layer => Referenced(layer).Contains(Layers.NameOf(Layers.LocalPostgres)))
            .Select(Layers.NameOf);

        dependents.ShouldBeEmpty();
    }

    [Fact]
    public void Web_uses_the_local_postgres_launcher_only_in_its_development_start_up()
    {
        var result = Types.InAssembly(Layers.Web)
            .That().DoNotResideInNamespace("CleanTemplate.Web.Development")
            .ShouldNot().HaveDependencyOnAny("CleanTemplate.LocalPostgres")
            .GetResult();

        Referenced(Layers.Web).ShouldContain(Layers.NameOf(Layers.LocalPostgres));
        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypes?.Select(type => type.FullName) ?? []));
    }

    [Fact]
    public void The_local_postgres_launcher_depends_on_no_layer() =>
        Referenced(Layers.LocalPostgres).ShouldNotContain(name => Layers.All.Select(Layers.NameOf).Contains(name));

    [Fact]
    public void Cli_is_a_composition_root_beside_web_not_on_top_of_it() =>
        Referenced(Layers.Cli).ShouldNotContain(Layers.NameOf(Layers.Web));

    [Fact]
    public void Web_uses_infrastructure_only_through_AddInfrastructure()
    {
        var internals = Layers.Infrastructure.GetTypes()
            .Where(type => type != typeof(Infrastructure.DependencyInjection) && type.FullName is not null)
            // Compiler-generated types (<>z__ReadOnlyArray for a collection expression) exist in every assembly that
            // needs them, under the same name: a Web one is no use of Infrastructure.
            .Where(type => !type.FullName!.StartsWith('<'))
            .Select(type => type.FullName!)
            .ToArray();

        var result = Types.InAssembly(Layers.Web).ShouldNot().HaveDependencyOnAny(internals).GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypes?.Select(type => type.FullName) ?? []));
    }

    [Fact]
    public void Web_does_not_use_entity_framework_directly()
    {
        Referenced(Layers.Web).ShouldNotContain("Microsoft.EntityFrameworkCore");
        Referenced(Layers.Web).ShouldNotContain("Npgsql");
    }

    private static List<string> Referenced(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(reference => reference.Name!).ToList();

    private static bool IsRuntime(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal);
}
