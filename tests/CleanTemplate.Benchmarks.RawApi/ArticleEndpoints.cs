using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;
using NpgsqlTypes;

namespace CleanTemplate.Benchmarks.RawApi;

/// <summary>
/// GET /api/articles (limit, offset) and GET /api/articles/{slug}, each one round trip of hand-written SQL.
/// </summary>
internal static class ArticleEndpoints
{
    public const string TokenScheme = "Token";

    private const string JsonContentType = "application/json; charset=utf-8";
    private const int DefaultLimit = 20;
    private const int MaxLimit = 100;
    private const string TokenPrefix = TokenScheme + " ";

    private const string CountSql = "SELECT count(*)::int FROM articles WHERE status = 'Active'";

    // The page first (by the partial index on created_at DESC, id DESC), then favorites of those rows only, aggregated
    // per article before the join; the tags are the row's tag_names. One row more than the page says whether a next
    // page exists.
    // The NULL stands for the body, so both queries share ArticleJson's column positions.
    private const string PageSql = """
        WITH page AS (
            SELECT id, slug, title, description, tag_names, author_id, created_at, updated_at
            FROM articles
            WHERE status = 'Active'
            ORDER BY created_at DESC, id DESC
            LIMIT $1 OFFSET $2
        ), favorite_counts AS (
            SELECT article_id, count(*)::int AS favorites_count, bool_or(user_id = $3) AS favorited
            FROM favorites
            WHERE article_id IN (SELECT id FROM page)
            GROUP BY article_id
        )
        SELECT p.slug, p.title, p.description, NULL, p.tag_names, p.created_at, p.updated_at,
            coalesce(f.favorited, false), coalesce(f.favorites_count, 0),
            u.username, profile.bio, profile.image,
            $3 IS NOT NULL AND EXISTS (SELECT 1 FROM follows WHERE follower_id = $3 AND followee_id = p.author_id),
            p.id
        FROM page p
        JOIN users u ON u.id = p.author_id
        JOIN user_profiles profile ON profile.id = p.author_id
        LEFT JOIN favorite_counts f ON f.article_id = p.id
        ORDER BY p.created_at DESC, p.id DESC
        """;

    private const string ArticleSql = """
        SELECT a.slug, a.title, a.description, a.body, a.tag_names, a.created_at, a.updated_at,
            $2 IS NOT NULL AND EXISTS (SELECT 1 FROM favorites WHERE article_id = a.id AND user_id = $2),
            (SELECT count(*)::int FROM favorites WHERE article_id = a.id),
            u.username, profile.bio, profile.image,
            $2 IS NOT NULL AND EXISTS (SELECT 1 FROM follows WHERE follower_id = $2 AND followee_id = a.author_id),
            a.xmin
        FROM articles a
        JOIN users u ON u.id = a.author_id
        JOIN user_profiles profile ON profile.id = a.author_id
        WHERE a.slug = $1 AND a.status = 'Active'
        """;

    /// <summary>RealWorld's <c>Authorization: Token &lt;jwt&gt;</c>; JwtBearer alone reads <c>Bearer</c>.</summary>
    public static Task ReadTokenHeader(MessageReceivedContext context)
    {
        string? header = context.Request.Headers.Authorization;
        if (header is not null && header.StartsWith(TokenPrefix, StringComparison.OrdinalIgnoreCase))
            context.Token = header[TokenPrefix.Length..].Trim();
        return Task.CompletedTask;
    }

    public static async Task ListAsync(HttpContext http)
    {
        var query = http.Request.Query;
        if (!TryParse(query["limit"], 1, MaxLimit, out var limit)
            || !TryParse(query["offset"], 0, int.MaxValue, out var offset))
        {
            http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return;
        }

        var viewer = await ViewerAsync(http);
        if (viewer.Refused)
            return;

        var take = limit ?? DefaultLimit;
        await using var batch = http.RequestServices.GetRequiredService<NpgsqlDataSource>().CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(CountSql));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PageSql)
        {
            Parameters = { new() { Value = take + 1 }, new() { Value = offset ?? 0 }, ViewerParameter(viewer.Id) },
        });

        var body = new ArrayBufferWriter<byte>(16 * 1024);
        string? nextCursor;
        await using (var reader = await batch.ExecuteReaderAsync(http.RequestAborted))
        {
            await reader.ReadAsync(http.RequestAborted);
            var articlesCount = reader.GetInt32(0);
            await reader.NextResultAsync(http.RequestAborted);
            nextCursor = await ArticleJson.WritePageAsync(body, reader, take, articlesCount, http.RequestAborted);
        }

        if (nextCursor is not null)
            http.Response.Headers.Link = NextLink(http, nextCursor);
        await WriteJsonAsync(http, body);
    }

    public static async Task GetAsync(HttpContext http)
    {
        var viewer = await ViewerAsync(http);
        if (viewer.Refused)
            return;

        await using var command = http.RequestServices.GetRequiredService<NpgsqlDataSource>().CreateCommand(ArticleSql);
        command.Parameters.Add(new NpgsqlParameter { Value = (string)http.Request.RouteValues["slug"]! });
        command.Parameters.Add(ViewerParameter(viewer.Id));

        var body = new ArrayBufferWriter<byte>(4 * 1024);
        await using (var reader = await command.ExecuteReaderAsync(http.RequestAborted))
        {
            if (!await reader.ReadAsync(http.RequestAborted))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var version = reader.GetFieldValue<uint>(ArticleJson.IdOrVersionColumn);
            http.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
            using var json = new Utf8JsonWriter(body, ArticleJson.WriterOptions);
            json.WriteStartObject();
            json.WritePropertyName(ArticleJson.Article);
            ArticleJson.WriteArticle(json, reader, withBody: true);
            json.WriteEndObject();
        }

        await WriteJsonAsync(http, body);
    }

    // Like the API's fallback policy: no token reads anonymously, a refused token answers 401.
    private static async Task<(bool Refused, int? Id)> ViewerAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(TokenScheme);
        if (result.Failure is not null)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = TokenScheme;
            return (true, null);
        }

        var subject = result.Principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        return int.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (false, id)
            : (false, null);
    }

    private static NpgsqlParameter ViewerParameter(int? viewerId) =>
        new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = viewerId is { } id ? id : DBNull.Value };

    private static bool TryParse(string? text, int min, int max, out int? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            || parsed < min
            || parsed > max)
            return false;
        value = parsed;
        return true;
    }

    // As the API's ArticleEndpoints.Page: the query without cursor and offset, then the next cursor.
    private static string NextLink(HttpContext http, string nextCursor)
    {
        var query = http.Request.Query
            .Where(pair => pair.Key is not ("cursor" or "offset"))
            .Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value.ToString())}")
            .Append($"cursor={nextCursor}");
        return $"<{http.Request.Path}?{string.Join('&', query)}>; rel=\"next\"";
    }

    // Written and flushed without a Content-Length, so Kestrel sends it chunked as the API's JSON results are.
    private static async Task WriteJsonAsync(HttpContext http, ArrayBufferWriter<byte> body)
    {
        http.Response.ContentType = JsonContentType;
        await http.Response.BodyWriter.WriteAsync(body.WrittenMemory, http.RequestAborted);
    }
}
