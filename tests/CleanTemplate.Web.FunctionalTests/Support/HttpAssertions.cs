using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CleanTemplate.Web.FunctionalTests.Support;

internal static partial class HttpAssertions
{
    /// <summary>Asserts the status and an RFC 9457 ProblemDetails body; returns the body for further checks.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.TryGetProperty("title", out _).ShouldBeTrue();
        return problem;
    }

    /// <summary>Asserts a 422 whose <c>errors</c> map names exactly <paramref name="fields"/>.</summary>
    public static async Task<JsonElement> ShouldBeValidationProblemAsync(
        this HttpResponseMessage response,
        params string[] fields)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(field => field.Name).Order().ShouldBe(fields.Order());
        return errors;
    }

    public static async Task<JsonElement> ShouldBeJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Asserts the object has exactly these properties, in any order: none missing, none extra.</summary>
    public static void ShouldHaveExactlyProperties(this JsonElement element, params string[] names) =>
        element.EnumerateObject().Select(property => property.Name).ShouldBe(names, ignoreOrder: true);

    /// <summary>
    /// Asserts a timestamp is written as RealWorld writes them: UTC, milliseconds, a trailing Z
    /// ("2016-02-18T03:22:56.637Z").
    /// </summary>
    public static string ShouldBeSpecTimestamp(this JsonElement element)
    {
        var text = element.GetString();
        text.ShouldNotBeNull();
        SpecTimestamp().IsMatch(text).ShouldBeTrue($"'{text}' is not like 2016-02-18T03:22:56.637Z");
        return text;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex SpecTimestamp();
}
