using System.CommandLine;
using CleanTemplate.Cli.Composition;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CleanTemplate.Cli.Erd;

/// <summary><c>db erd [--output docs/erd.md]</c>: write the Mermaid diagram of the model. Needs no database.</summary>
internal static class ErdCommand
{
    public static Command Create(VerbRunner verbs)
    {
        var output = new Option<FileInfo>("--output", "-o")
        {
            Description =
                "The Markdown file to write, relative to the current folder (run it from the repository root).",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("docs", "erd.md")),
        };
        var command = new Command(
            "erd", "Write the entity-relationship diagram of the EF model as Mermaid in Markdown.") { output };

        return verbs.Define(command, async (context, cancellationToken) =>
        {
            await using var db = context.Database.ModelOnly();
            var file = context.Parsed.GetRequiredValue(output);
            file.Directory?.Create();
            var markdown = MermaidErd.Render(db.GetService<IDesignTimeModel>().Model);
            await File.WriteAllTextAsync(file.FullName, markdown, cancellationToken);
            var written = Path.GetRelativePath(Environment.CurrentDirectory, file.FullName);
            await context.Console.Output.WriteLineAsync($"Wrote {written}");
            return ExitCodes.Ok;
        });
    }
}
