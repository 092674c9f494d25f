using Spectre.Console;

namespace CleanTemplate.Cli.Composition;

/// <summary>
/// Where a verb writes: plain text (SQL, JSON, Markdown) to <see cref="Output"/>, tables through <see cref="Tables"/>
/// (Spectre.Console, on the same writer), messages about failures to <see cref="Error"/>.
/// </summary>
internal sealed class CliConsole
{
    // Redirected output (a file, a pipe, a test) has no width of its own; Spectre would assume 80 and wrap tables.
    private const int RedirectedWidth = 240;

    public CliConsole(TextWriter output, TextWriter error, bool isTerminal)
    {
        Output = output;
        Error = error;
        Tables = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!isTerminal)
            Tables.Profile.Width = RedirectedWidth;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Tables { get; }

    public static CliConsole FromProcess() => new(Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected);
}
