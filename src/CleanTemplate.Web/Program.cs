using CleanTemplate.Application;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Infrastructure;
using CleanTemplate.Web;
using CleanTemplate.Web.Endpoints;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddApplication(builder.Configuration)
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddWeb(builder.Configuration);

var app = builder.Build();

// One-off steps for deployments and local set-up, then exit:
//   --migrate  applies pending migrations;  --seed  adds the sample data unless it is there (after --migrate if both).
if (args.Contains("--migrate") || args.Contains("--seed"))
{
    await using var scope = app.Services.CreateAsyncScope();
    if (args.Contains("--migrate"))
        await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    if (args.Contains("--seed"))
        await scope.ServiceProvider.GetRequiredService<IDatabaseSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
    return;
}

app.UseWeb();
app.MapEndpoints();

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
