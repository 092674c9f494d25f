using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CleanTemplate.Application.Articles;

namespace CleanTemplate.Web.Endpoints.Articles;

/// <summary>
/// Keeps the article bodies in the spec's shape: the row version travels as the ETag header and the id only inside
/// the next page's cursor, so neither is a JSON member (nor in the OpenAPI schemas).
/// </summary>
internal static class ArticleJsonContract
{
    public static void ApplyTo(JsonSerializerOptions options) =>
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(OmitMembersSentElsewhere);

    private static void OmitMembersSentElsewhere(JsonTypeInfo typeInfo)
    {
        var omitted = typeInfo.Type == typeof(ArticleDto) ? nameof(ArticleDto.Version)
            : typeInfo.Type == typeof(ArticleSummaryDto) ? nameof(ArticleSummaryDto.Id)
            : null;
        if (omitted is not null)
            typeInfo.Properties.Remove(typeInfo.Properties.Single(property => IsMember(property, omitted)));
    }

    private static bool IsMember(JsonPropertyInfo property, string name) =>
        property.AttributeProvider is MemberInfo member && member.Name == name;
}
