using System.Text.RegularExpressions;

namespace CleanTemplate.Cli.Schema;

/// <summary>
/// One spelling per PostgreSQL type, so a configuration's <c>HasColumnType("varchar(64)")</c> matches the
/// <c>character varying(64)</c> that <c>format_type</c> reports and only real type changes count as drift.
/// </summary>
internal static partial class StoreTypes
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["int"] = "integer",
        ["int4"] = "integer",
        ["int2"] = "smallint",
        ["int8"] = "bigint",
        ["bool"] = "boolean",
        ["float4"] = "real",
        ["float8"] = "double precision",
        ["decimal"] = "numeric",
        ["varchar"] = "character varying",
        ["char"] = "character",
        ["bpchar"] = "character",
        ["timestamptz"] = "timestamp with time zone",
        ["timestamp"] = "timestamp without time zone",
        ["timetz"] = "time with time zone",
        ["time"] = "time without time zone",
        ["varbit"] = "bit varying",
    };

    public static string Normalize(string storeType)
    {
        var type = Whitespace().Replace(storeType.Trim().ToLowerInvariant(), " ");
        var parts = Shape().Match(type);
        if (!parts.Success)
            return type;

        var name = parts.Groups["name"].Value;
        var arguments = parts.Groups["arguments"].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        var canonicalName = Aliases.TryGetValue(name, out var canonical) ? canonical : name;
        return canonicalName + arguments + parts.Groups["array"].Value;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // "varchar(64)[]" -> name "varchar", arguments "(64)", array "[]". Types with arguments inside their name
    // ("timestamp(3) with time zone") do not match and are compared as written.
    [GeneratedRegex(@"^(?<name>[a-z][a-z0-9 ]*?)\s*(?<arguments>\([0-9, ]*\))?(?<array>(\[\])*)$")]
    private static partial Regex Shape();
}
