using System.Text;
using CleanTemplate.Web.Idempotency;

namespace CleanTemplate.Web.FunctionalTests.Idempotency;

public sealed class StoredResponseTests
{
    [Fact]
    public void A_response_decodes_from_its_encoding_with_status_headers_and_body()
    {
        var response = new StoredResponse(
            201, Encoding.UTF8.GetBytes("{\"article\":{\"title\":\"Dragons é\"}}"),
            "application/json; charset=utf-8", "/api/articles/dragons-%C3%A9");

        var decoded = StoredResponse.Decode(response.Encode());

        decoded.StatusCode.ShouldBe(201);
        decoded.ContentType.ShouldBe(response.ContentType);
        decoded.Location.ShouldBe(response.Location);
        decoded.Body.ShouldBe(response.Body);
    }

    [Fact]
    public void A_response_without_headers_or_body_keeps_them_absent()
    {
        var decoded = StoredResponse.Decode(new StoredResponse(204, [], null, null).Encode());

        decoded.StatusCode.ShouldBe(204);
        decoded.ContentType.ShouldBeNull();
        decoded.Location.ShouldBeNull();
        decoded.Body.ShouldBeEmpty();
    }
}
