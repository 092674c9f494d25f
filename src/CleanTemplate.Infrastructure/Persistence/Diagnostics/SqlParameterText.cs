using System.Data.Common;
using System.Globalization;
using System.Text;

namespace CleanTemplate.Infrastructure.Persistence.Diagnostics;

/// <summary>
/// A command's parameters for a log line: <c>@email='a@b.c'</c>, or <c>@email=?</c> when values must not be logged.
/// </summary>
internal static class SqlParameterText
{
    public static string Format(DbParameterCollection parameters, bool withValues)
    {
        var text = new StringBuilder();
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0)
                text.Append(", ");
            text.Append(Name(parameters[i], i)).Append('=').Append(withValues ? Value(parameters[i].Value) : "?");
        }

        return text.ToString();
    }

    // Positional parameters ($1, $2, ...) have no name.
    private static string Name(DbParameter parameter, int index) => parameter.ParameterName switch
    {
        "" => "$" + (index + 1).ToString(CultureInfo.InvariantCulture),
        var name when name.StartsWith('@') => name,
        var name => "@" + name,
    };

    private static string Value(object? value) => value switch
    {
        null or DBNull => "NULL",
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        byte[] bytes => $"<{bytes.Length} bytes>",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "NULL",
    };
}
