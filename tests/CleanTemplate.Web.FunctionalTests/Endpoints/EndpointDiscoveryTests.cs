using CleanTemplate.Web.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CleanTemplate.Web.FunctionalTests.Endpoints;

public sealed class EndpointDiscoveryTests
{
    [Fact]
    public async Task Every_endpoint_of_the_assembly_is_mapped_under_the_group()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();

        app.MapGroup("/api").MapEndpointsIn(typeof(EndpointDiscoveryTests).Assembly);

        var routes = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => (endpoint.RoutePattern.RawText, Method(endpoint)))
            .ToList();
        routes.ShouldBe([("/api/probe", "GET")]);
    }

    private static string? Method(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Single();

    private sealed class ProbeEndpoint : IEndpoint
    {
        public void Map(RouteGroupBuilder api) => api.MapGet("/probe", () => "found");
    }

    private abstract class AbstractEndpoint : IEndpoint
    {
        public abstract void Map(RouteGroupBuilder api);
    }
}
