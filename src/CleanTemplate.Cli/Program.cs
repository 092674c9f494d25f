using CleanTemplate.Cli;
using CleanTemplate.Cli.Composition;

return await CliApplication.RunAsync(args, CliConsole.FromProcess());
