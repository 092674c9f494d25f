using System.Reflection;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using MediatR;

namespace CleanTemplate.ArchitectureTests;

public sealed class ConventionTests
{
    [Fact]
    public void Every_type_lives_in_a_namespace_under_its_assembly_name()
    {
        var misplaced = Layers.All
            .SelectMany(assembly => assembly.GetTypes()
                .Where(IsOwnCode)
                .Select(type => (Assembly: assembly.GetName().Name!, Type: type)))
            .Where(entry => entry.Type.Namespace is null
                || !entry.Type.Namespace.StartsWith(NamespaceFormOf(entry.Assembly), StringComparison.Ordinal))
            .Select(entry => entry.Type.FullName)
            .ToList();

        misplaced.ShouldBeEmpty(string.Join(", ", misplaced));
    }

    [Fact]
    public void Every_use_case_returns_a_result()
    {
        var requests = Layers.Application.GetTypes()
            .Where(type => !type.IsInterface && type.GetInterfaces().Any(IsRequest))
            .ToList();

        requests.ShouldNotBeEmpty();
        requests.ShouldAllBe(
            type => type.GetInterfaces().Any(IsUseCase),
            "use cases implement ICommand<T> or IQuery<T>, which return Result<T>");
    }

    [Fact]
    public void Handlers_are_internal_so_only_the_mediator_calls_them()
    {
        var handlers = Layers.Application.GetTypes()
            .Where(type => type.GetInterfaces()
                .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)));

        handlers.ShouldAllBe(type => !type.IsPublic && type.IsSealed);
    }

    [Fact]
    public void Entities_are_not_exposed_by_use_cases()
    {
        var domainTypes = Layers.Domain.GetTypes().ToHashSet();
        var leaking = Layers.Application.GetTypes()
            .SelectMany(type => type.GetInterfaces())
            .Where(IsCommandOrQuery)
            .Select(i => i.GetGenericArguments()[0])
            .Where(domainTypes.Contains);

        leaking.ShouldBeEmpty();
    }

    [Fact]
    public void Application_carries_no_json_attributes()
    {
        const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic
            | BindingFlags.Instance | BindingFlags.Static;
        var annotated = Layers.Application.GetTypes()
            .SelectMany(type => type.GetMembers(declared).Prepend(type))
            .Where(member => member.CustomAttributes.Any(attribute =>
                attribute.AttributeType.Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true))
            .Select(member => member is Type type ? type.FullName! : $"{member.DeclaringType!.FullName}.{member.Name}")
            .ToList();

        annotated.ShouldBeEmpty("how a DTO appears in JSON is Web's to say: " + string.Join(", ", annotated));
    }

    // What `dotnet new -n My-App` makes of the name for code: My-App.Web holds My_App.Web, Acme.2Shop Acme._2Shop.
    private static string NamespaceFormOf(string assemblyName) =>
        string.Join('.', assemblyName.Split('.').Select(SafeSegment));

    private static string SafeSegment(string segment)
    {
        var safe = new string(segment.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        return char.IsDigit(safe[0]) ? "_" + safe : safe;
    }

    private static bool IsRequest(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IRequest<>) && type.Namespace == "MediatR";

    private static bool IsCommandOrQuery(Type type) =>
        type.IsGenericType
        && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(ICommand<>) || definition == typeof(IQuery<>));

    private static bool IsUseCase(Type type) =>
        IsCommandOrQuery(type)
        && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericArguments()[0].IsGenericType
            && i.GetGenericArguments()[0].GetGenericTypeDefinition() == typeof(Result<>));

    private static bool IsOwnCode(Type type) =>
        !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)
        && type.Namespace?.StartsWith("Microsoft", StringComparison.Ordinal) != true
        && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true
        && type.Name != "Program" && type.FullName?.Contains('<', StringComparison.Ordinal) != true;
}
