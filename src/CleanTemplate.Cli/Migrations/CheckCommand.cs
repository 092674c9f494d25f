using System.CommandLine;
using CleanTemplate.Cli.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Cli.Migrations;

/// <summary>
/// <c>db check</c>: fails when the EF model has changes that no migration captures, i.e. someone changed an entity or a
/// configuration and forgot <c>dotnet ef migrations add</c>. Needs no database; CI runs it.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(VerbRunner verbs)
    {
        var command = new Command("check", "Fail when the model has changes that no migration captures.");
        return verbs.Define(command, async (context, _) =>
        {
            await using var db = context.Database.ModelOnly();
            return await RunAsync(db, context.Console);
        });
    }

    public static async Task<int> RunAsync(DbContext db, CliConsole console)
    {
        if (!db.Database.HasPendingModelChanges())
        {
            await console.Output.WriteLineAsync("The model matches the last migration's snapshot.");
            return ExitCodes.Ok;
        }

        await console.Error.WriteLineAsync(
            """
            The model has changes that no migration captures. Add a migration, review it, and commit it with the change:
              dotnet tool restore
              dotnet ef migrations add <Name> --project src/CleanTemplate.Infrastructure --output-dir Persistence/Migrations
            """);
        return ExitCodes.Failure;
    }
}
