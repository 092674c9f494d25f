using System.Text;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.MalformedInput;

/// <summary>Every endpoint that reads a body, fed broken JSON, wrong types, bad text and bad content types.</summary>
public sealed class MalformedBodyTests(WebApiFactory factory) : MalformedInputTest(factory)
{
    private static readonly string OneMegabyte = new('x', 1024 * 1024);

    /// <summary>Bodies wrong as a whole: none names a field.</summary>
    public static TheoryData<string, string> WholeBodies()
    {
        string[] bodies =
        [
            "", "{", "nul", "[]", "\"text\"", "5", "null", "{}", "{\"{envelope}\":null}", "{\"{envelope}\":5}",
            "{\"{envelope}\":[]}", "{\"{envelope}\":{}}", "{\"{envelope}\":{}} trailing", new string('[', 1000),
            "{\"{envelope}\":{\"a\":1,\"a\":2}}", "\uFEFF{}", "{'single': 'quotes'}",
        ];
        var data = new TheoryData<string, string>();
        foreach (var endpoint in WriteEndpoint.All)
            foreach (var body in bodies)
                data.Add(endpoint.Name, body.Replace("{envelope}", endpoint.Envelope, StringComparison.Ordinal));
        return data;
    }

    /// <summary>A bad value in one field, with the error it must name: the field, or its JSON path.</summary>
    public static TheoryData<string, string, string, bool> FieldValues()
    {
        (string Json, bool MustRefuse)[] values =
        [
            ("5", true), ("1e400", true), ("true", true), ("{}", true), ("[1]", true), ("\"a\\u0000b\"", true),
            ("\"\\u0000\"", true), ("\"\\ud800\"", true), ("\"a\\udc00b\"", true), ("\"\\udc00\\ud800\"", true),
            ("\"\\u0001\\u001f\\u007f\"", false), ($"\"{OneMegabyte}\"", false), ("\"\\uFFFE\\uFFFF\"", false),
        ];
        var data = new TheoryData<string, string, string, bool>();
        foreach (var endpoint in WriteEndpoint.All)
            foreach (var (field, _) in endpoint.Fields)
                foreach (var (json, mustRefuse) in values)
                {
                    var value = field == "tagList" && json.StartsWith('"') ? $"[{json}]" : json;
                    data.Add(endpoint.Name, field, value, mustRefuse);
                }
        return data;
    }

    public static TheoryData<string, string> ContentTypes()
    {
        string?[] types =
        [
            "application/json; charset=bogus", "application/json; charset=latin1", "application/json; charset=utf-16",
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            null,
        ];
        var data = new TheoryData<string, string>();
        foreach (var endpoint in WriteEndpoint.All)
            foreach (var type in types)
                data.Add(endpoint.Name, type ?? "(none)");
        return data;
    }

    [Theory]
    [MemberData(nameof(WholeBodies))]
    public async Task A_body_that_is_not_the_envelope_is_refused_and_writes_nothing(string endpointName, string body)
    {
        await ArrangeAsync();
        var endpoint = WriteEndpoint.Named(endpointName);
        var before = await RowCountsAsync();

        var response = await SendAsync(endpoint, Utf8(body));

        // Every field of an update is optional, so an envelope with none of them is a valid request
        // that changes nothing.
        var emptyUpdate = endpoint.Method == "PUT" && body.TrimStart('\uFEFF').StartsWith('{')
            && !body.Contains("trailing")
            && !body.Contains(":5", StringComparison.Ordinal) && !body.Contains("[]", StringComparison.Ordinal);
        await response.ShouldBeHarmlessAsync(RowCountsAsync, before, mustRefuse: !emptyUpdate);
    }

    [Theory]
    [MemberData(nameof(FieldValues))]
    public async Task A_bad_field_value_is_refused_naming_the_field_and_writes_nothing(
        string endpointName, string field, string json, bool mustRefuse)
    {
        await ArrangeAsync();
        var endpoint = WriteEndpoint.Named(endpointName);
        var before = await RowCountsAsync();

        var response = await SendAsync(endpoint, Utf8(endpoint.BodyWith(field, json)));

        await response.ShouldBeHarmlessAsync(RowCountsAsync, before, mustRefuse ? field : null, mustRefuse);
    }

    [Theory]
    [MemberData(nameof(ContentTypes))]
    public async Task A_body_that_is_not_utf8_json_answers_415_and_writes_nothing(
        string endpointName, string contentType)
    {
        await ArrangeAsync();
        var endpoint = WriteEndpoint.Named(endpointName);
        var before = await RowCountsAsync();

        var response = await SendAsync(
            endpoint, Utf8(endpoint.ValidBody), contentType == "(none)" ? null : contentType);

        ((int)response.StatusCode).ShouldBe(415, await response.Content.ReadAsStringAsync());
        await response.ShouldBeHarmlessAsync(RowCountsAsync, before);
    }

    [Theory]
    [InlineData("register")]
    //#if (conduit)
    [InlineData("create article")]
    [InlineData("add comment")]
    //#endif
    public async Task Bytes_that_are_not_utf8_are_refused_and_write_nothing(string endpointName)
    {
        await ArrangeAsync();
        var endpoint = WriteEndpoint.Named(endpointName);
        var before = await RowCountsAsync();
        var body = Utf8(endpoint.ValidBody.Replace("\"", "\"\u0001", StringComparison.Ordinal));
        body[Array.IndexOf(body, (byte)1)] = 0xFF;

        var response = await SendAsync(endpoint, body);

        await response.ShouldBeHarmlessAsync(RowCountsAsync, before);
    }

    private Task<HttpResponseMessage> SendAsync(
        WriteEndpoint endpoint, byte[] body, string? contentType = "application/json") =>
        (endpoint.SignedIn ? Client : Anonymous).SendAsync(Raw(endpoint.Method, PathOf(endpoint), body, contentType));
}
