using CleanTemplate.Application;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Tags;
using CleanTemplate.Infrastructure;
using CleanTemplate.Web;
using CleanTemplate.Web.Development;
using CleanTemplate.Web.Endpoints;

var builder = WebApplication.CreateBuilder(args);
await DevelopmentDatabase.StartWhenUnconfiguredAsync(builder);

builder.Services
    .AddApplication(builder.Configuration)
    .AddInfrastructure(builder.Configuration)
    .AddWeb(builder.Configuration);

var app = builder.Build();

// One-off steps for deployments, local set-up and operations, run in this order, then exit:
//   --migrate  applies pending migrations;  --seed  adds the sample data unless it is there;
//   --recompute-tag-statistics  runs that background job once, now.
if (args.Contains("--migrate") || args.Contains("--seed") || args.Contains("--recompute-tag-statistics"))
{
    await using var scope = app.Services.CreateAsyncScope();
    var stopping = app.Lifetime.ApplicationStopping;
    if (args.Contains("--migrate"))
        await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(stopping);
    if (args.Contains("--seed"))
        await scope.ServiceProvider.GetRequiredService<IDatabaseSeeder>().SeedAsync(stopping);
    if (args.Contains("--recompute-tag-statistics"))
        await scope.ServiceProvider.GetRequiredService<ITagStatisticsJob>().RunAsync(stopping);
    return;
}

app.UseWeb();
app.MapEndpoints();

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
