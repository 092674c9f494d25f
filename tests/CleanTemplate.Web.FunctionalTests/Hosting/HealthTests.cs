using System.Net;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Hosting;

public sealed class HealthTests(WebApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Live_and_ready_answer_200_when_the_database_is_up()
    {
        (await Anonymous.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Anonymous.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("FOO", "/health/live")]
    [InlineData("POST", "/health/live")]
    [InlineData("DELETE", "/health/ready")]
    public async Task Probes_answer_405_to_methods_other_than_GET_and_HEAD(string method, string path)
    {
        var response = await Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
        var headResponse = await Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        headResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_routes_are_404_problem_details()
    {
        var response = await Anonymous.GetAsync("/api/no-such-thing");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints()
    {
        var response = await Anonymous.GetAsync("/openapi/v1.json");

        var document = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.ShouldContain("/api/users/login");
        document.ShouldContain("\"Token\"");
    }
}
