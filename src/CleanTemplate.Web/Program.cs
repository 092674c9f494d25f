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

// One-off migration step for deployments: `dotnet CleanTemplate.Web.dll --migrate` applies migrations and exits.
if (args.Contains("--migrate"))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    return;
}

app.UseWeb();
app.MapEndpoints();

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
