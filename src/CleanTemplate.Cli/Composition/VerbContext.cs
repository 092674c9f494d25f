using System.CommandLine;

namespace CleanTemplate.Cli.Composition;

/// <summary>What a verb runs with: its parsed command line, where to write, and the configured database.</summary>
internal sealed record VerbContext(ParseResult Parsed, CliConsole Console, CliDatabase Database);
