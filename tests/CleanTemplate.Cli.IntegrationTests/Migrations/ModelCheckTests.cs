using CleanTemplate.Cli.Composition;
using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.Cli.Migrations;
using CleanTemplate.Domain.Users;
using CleanTemplate.TestSupport.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CleanTemplate.Cli.IntegrationTests.Migrations;

public sealed class ModelCheckTests
{
    [Fact]
    public async Task Check_passes_when_the_last_migration_captures_the_model()
    {
        var check = await CliRun.RunAsync("db", "check");

        check.ShouldSucceed();
        check.Output.ShouldContain("The model matches the last migration's snapshot.");
    }

    [Fact]
    public async Task Check_fails_and_says_what_to_do_when_the_model_has_an_unmigrated_change()
    {
        await using var changed = ModelOnlyDbContext.Create(options =>
            options.ReplaceService<IModelCustomizer, NicknameAddingCustomizer>());
        await using var output = new StringWriter();
        await using var error = new StringWriter();

        var exitCode = await CheckCommand.RunAsync(changed, new CliConsole(output, error, isTerminal: false));

        exitCode.ShouldBe(ExitCodes.Failure);
        error.ToString().ShouldContain("dotnet ef migrations add <Name>");
    }

    /// <summary>A model change with no migration: what forgetting <c>dotnet ef migrations add</c> looks like.</summary>
    private sealed class NicknameAddingCustomizer(ModelCustomizerDependencies dependencies)
        : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<User>().Property<string>("Nickname").HasMaxLength(32);
        }
    }
}
