using System.Text.Json;

namespace CleanTemplate.Web.FunctionalTests.MalformedInput;

internal static class RefusalAssertions
{
    private static readonly string[] ImplementationMarks = ["System.", "CleanTemplate.", "Microsoft.", "`1", "Npgsql"];

    /// <summary>
    /// Never a 5xx. A refusal (4xx) is a ProblemDetails that says nothing of the implementation, names
    /// <paramref name="field"/> in <c>errors</c> when one is given, and left every table as it was.
    /// </summary>
    public static async Task ShouldBeHarmlessAsync(
        this HttpResponseMessage response, Func<Task<string>> rowCounts, string countsBefore, string? field = null,
        bool mustRefuse = true)
    {
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        status.ShouldBeLessThan(500, body);
        if (!mustRefuse && status < 400)
            return;

        status.ShouldBeGreaterThanOrEqualTo(400, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        foreach (var mark in ImplementationMarks)
            body.ShouldNotContain(mark, Case.Sensitive, body);
        if (field is not null)
        {
            problem.TryGetProperty("errors", out var errors).ShouldBeTrue(body);
            errors.EnumerateObject()
                .ShouldContain(error => error.Name == field || error.Name.EndsWith("." + field), body);
        }

        (await rowCounts()).ShouldBe(countsBefore);
    }
}
