using System.CommandLine;
using CleanTemplate.Application.Articles.Import;
using CleanTemplate.Cli.Composition;
using CleanTemplate.Infrastructure.Persistence.BulkImport;
using Spectre.Console;

namespace CleanTemplate.Cli.Import;

/// <summary>
/// <c>db import articles &lt;file.json|file.csv&gt;</c>: batches resolved set-based, then binary COPY into the tables,
/// all in one transaction. A bad row stops the import with its line number and leaves the database as it was.
/// </summary>
internal static class ImportArticlesCommand
{
    public static Command Create(VerbRunner verbs)
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "A .json array or a .csv file of articles (see README, Bulk import).",
        };
        var articles = new Command(
            "articles", "Import articles with their authors (existing usernames) and tags.") { file };

        verbs.Define(articles, async (context, cancellationToken) =>
        {
            var path = context.Parsed.GetRequiredValue(file);
            if (!path.Exists)
                throw new UsageException($"No file {path.FullName}.");

            await using var dataSource = context.Database.OpenDataSource();
            var importer = new ArticleImporter(dataSource, TimeProvider.System);
            try
            {
                var result = await context.Console.Tables.Progress().StartAsync(async progress =>
                {
                    var bar = progress.AddTask("Importing articles", maxValue: Math.Max(1, path.Length));
                    return await importer.ImportFileAsync(path.FullName, new Progress<ImportProgress>(update =>
                    {
                        bar.Description = $"{update.Stage}: {update.ArticlesImported:N0} articles";
                        bar.Value = update.BytesRead;
                    }), cancellationToken);
                });
                await context.Console.Output.WriteLineAsync(
                    $"Imported {result.ArticlesImported:N0} articles ({result.TagsCreated:N0} new tags, " +
                    $"{result.TagLinks:N0} tag links, {result.SlugsDisambiguated:N0} slugs disambiguated) " +
                    $"in {result.Elapsed.TotalSeconds:F1} s; " +
                    (result.ReferenceChecking == ReferenceChecking.SetBased
                        ? "foreign keys checked once per author and tag."
                        : "foreign keys checked row by row (see README, Bulk import, to make it faster)."));
                return ExitCodes.Ok;
            }
            catch (ArticleImportException exception)
            {
                await context.Console.Error.WriteLineAsync($"Nothing was imported: {exception.Message}");
                return ExitCodes.Failure;
            }
        });

        return new Command("import", "Bulk-load data files.") { articles };
    }
}
