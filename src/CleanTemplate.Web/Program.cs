using CleanTemplate.Application;
using CleanTemplate.Application.Common.Interfaces;
//#if (conduit)
using CleanTemplate.Application.Tags;
//#endif
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
//   --migrate  applies pending migrations;
//#if (conduit)
//   --seed  adds the sample data unless it is there;  --recompute-tag-statistics  runs that background job once, now.
//#endif
string[] oneOffSteps =
[
    "--migrate",
    //#if (conduit)
    "--seed", "--recompute-tag-statistics",
    //#endif
];
if (args.Intersect(oneOffSteps).Any())
{
    await using var scope = app.Services.CreateAsyncScope();
    var stopping = app.Lifetime.ApplicationStopping;
    if (args.Contains("--migrate"))
        await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(stopping);
    //#if (conduit)
    if (args.Contains("--seed"))
        await scope.ServiceProvider.GetRequiredService<IDatabaseSeeder>().SeedAsync(stopping);
    if (args.Contains("--recompute-tag-statistics"))
        await scope.ServiceProvider.GetRequiredService<ITagStatisticsJob>().RunAsync(stopping);
    //#endif
    return;
}

app.UseWeb();
app.MapEndpoints();

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
