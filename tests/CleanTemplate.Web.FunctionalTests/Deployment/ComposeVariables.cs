using System.Text.RegularExpressions;

namespace CleanTemplate.Web.FunctionalTests.Deployment;

/// <summary>Compose's <c>${NAME}</c> interpolation, as far as the deployment tests need it.</summary>
internal static partial class ComposeVariables
{
    /// <summary>
    /// The whole value is one variable that compose requires, with the message it stops with when the variable is
    /// unset or empty: <c>${JWT_SIGNING_KEY:?set JWT_SIGNING_KEY}</c>.
    /// </summary>
    public static bool IsRequiredVariable(string value) => RequiredVariable().IsMatch(value);

    /// <summary>The value as compose passes it on, with each required variable set to a stand-in.</summary>
    public static string Substitute(string value) => Variable().Replace(value, variable =>
        variable.Groups["operator"].Value.EndsWith('-')
            ? variable.Groups["word"].Value
            : "stand-in-for-" + variable.Groups["name"].Value);

    [GeneratedRegex(@"^\$\{[A-Za-z_][A-Za-z0-9_]*:\?[^}]+\}$")]
    private static partial Regex RequiredVariable();

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<operator>:?[-?])?(?<word>[^}]*)\}")]
    private static partial Regex Variable();
}
