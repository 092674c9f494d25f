// The reference endpoint of `dotnet run -c Release --project tests/CleanTemplate.Benchmarks -- --only api`: the best a
// hand-written Npgsql endpoint can do for the article list and the single article, to measure the real API against.
// It mirrors the API's JSON and headers BY HAND (ArticleJson.cs): a change to the API's responses must be mirrored
// here. The benchmark checks byte identity first and fails loudly if they differ.
using System.Text;
using CleanTemplate.Benchmarks.RawApi;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var connectionString = builder.Configuration.GetConnectionString("Database")
    ?? throw new InvalidOperationException("Set ConnectionStrings:Database (ConnectionStrings__Database).");
builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));

// The API's Token scheme with the same validation (src/CleanTemplate.Infrastructure/Identity/JwtBearerOptionsSetup.cs).
var jwt = builder.Configuration.GetSection("Jwt");
var signingKey = jwt["SigningKey"] ?? throw new InvalidOperationException("Set Jwt:SigningKey (Jwt__SigningKey).");
builder.Services.AddAuthentication(ArticleEndpoints.TokenScheme).AddJwtBearer(ArticleEndpoints.TokenScheme, options =>
{
    options.MapInboundClaims = false;
    options.Challenge = ArticleEndpoints.TokenScheme;
    options.IncludeErrorDetails = false;
    options.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = jwt["Issuer"] ?? "CleanTemplate",
        ValidAudience = jwt["Audience"] ?? "CleanTemplate",
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = JwtRegisteredClaimNames.UniqueName,
    };
    options.Events = new JwtBearerEvents { OnMessageReceived = ArticleEndpoints.ReadTokenHeader };
});

var app = builder.Build();
app.MapGet("/api/articles", (RequestDelegate)ArticleEndpoints.ListAsync);
app.MapGet("/api/articles/{slug}", (RequestDelegate)ArticleEndpoints.GetAsync);
await app.RunAsync();
