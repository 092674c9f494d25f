namespace CleanTemplate.Application.Articles.Import;

public enum ArticleImportFormat
{
    /// <summary>An array of <c>{ "author", "title", "description", "body", "tagList"?, "createdAt"? }</c>.</summary>
    Json,

    /// <summary>RFC 4180, header <c>author,title,description,body,tags,createdAt</c>; tags split by <c>;</c>.</summary>
    Csv,
}
