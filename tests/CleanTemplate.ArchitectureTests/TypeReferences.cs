using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CleanTemplate.ArchitectureTests;

/// <summary>
/// Reads which types of which assemblies an assembly's compiled code refers to, straight from its metadata.
/// (NetArchTest and ArchUnitNET do not restore on every machine; the metadata reader is part of the runtime.)
/// </summary>
internal static class TypeReferences
{
    /// <summary>Full names of the types <paramref name="assembly"/> uses from the assembly named <paramref name="referenced"/>.</summary>
    public static IReadOnlyList<string> From(Assembly assembly, string referenced)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var types = new List<string>();
        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            if (ScopeAssembly(metadata, type) == referenced)
                types.Add($"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}");
        }

        return types;
    }

    private static string? ScopeAssembly(MetadataReader metadata, TypeReference type)
    {
        while (true)
        {
            switch (type.ResolutionScope.Kind)
            {
                case HandleKind.AssemblyReference:
                    return metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name);
                case HandleKind.TypeReference:
                    type = metadata.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
                    continue;
                default:
                    return null;
            }
        }
    }
}
