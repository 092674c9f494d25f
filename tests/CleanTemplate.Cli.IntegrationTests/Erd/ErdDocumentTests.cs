using CleanTemplate.Cli.Erd;
using CleanTemplate.TestSupport;
using CleanTemplate.TestSupport.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CleanTemplate.Cli.IntegrationTests.Erd;

public sealed class ErdDocumentTests
{
    private static readonly string Generated = Render();

    [Fact]
    public void The_committed_diagram_matches_the_model()
    {
        var path = RepositoryFolder.Combine("docs", "erd.md");
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "(missing)";

        committed.ShouldBe(
            Generated,
            $"docs/erd.md is stale: run `{MermaidErd.GenerateCommand}` from the repository root "
            + "and commit the result.");
    }

    [Fact]
    public void Users_and_their_profiles_are_one_to_one_on_a_shared_key() =>
        Generated.ShouldContain("    users ||--|| user_profiles : \"id\"\n");

    [Fact]
    public void Columns_carry_their_store_type_keys_and_nullability()
    {
        Generated.ShouldContain("        integer id PK, FK \"not null\"\n");
        Generated.ShouldContain("        character_varying(256) email UK \"not null\"\n");
        Generated.ShouldContain("        character_varying(2000) bio \"null\"\n");
    }

    private static string Render()
    {
        using var db = ModelOnlyDbContext.Create();
        return MermaidErd.Render(db.GetService<IDesignTimeModel>().Model);
    }
}
