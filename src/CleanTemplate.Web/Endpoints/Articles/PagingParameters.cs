using System.Globalization;
using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Common.Results;

namespace CleanTemplate.Web.Endpoints.Articles;

/// <summary>
/// <c>limit</c> and <c>offset</c> bound as text and parsed here, so a value that is no 32-bit whole number ("abc",
/// "2147483648") fails the same rule, with the same 422 naming the parameter, as one out of range ("101").
/// </summary>
internal readonly record struct PagingParameters(int? Limit, int? Offset)
{
    public static Result<PagingParameters> Parse(string? limit, string? offset)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = new PagingParameters(
            Parse(limit, "limit", ArticlePaging.LimitRule, errors),
            Parse(offset, "offset", ArticlePaging.OffsetRule, errors));
        return errors.Count == 0 ? parsed : Error.Validation(errors);
    }

    private static int? Parse(string? text, string name, string rule, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        errors[name] = [rule];
        return null;
    }
}
