using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// The users and tags an import's rows name, resolved to ids with one statement per batch for the names not seen yet
/// and kept for the rest of the import. Each is locked FOR KEY SHARE, the lock a foreign-key check takes: until the
/// import commits, nobody can delete a referenced user or tag or change its key, whether or not the row triggers that
/// would check each link are on (see <see cref="ArticleImportStatements.SkipRowTriggersIfAllowedAsync"/>).
/// </summary>
internal sealed class ImportReferences(NpgsqlConnection connection, ImportedArticleFactory factory)
{
    private readonly Dictionary<string, int> _authors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tags = new(StringComparer.Ordinal);

    public int TagsCreated { get; private set; }

    /// <summary>Each row's author id. The first row (in file order) whose author has no account stops it.</summary>
    public async Task<int[]> AuthorIdsAsync(ImportedArticle[] batch, CancellationToken cancellationToken)
    {
        var unseen = Unseen(batch.Select(row => row.Author), _authors);
        if (unseen.Length > 0)
            await LookUpAsync(
                "SELECT username, id FROM users WHERE username = ANY($1) FOR KEY SHARE",
                unseen,
                _authors,
                cancellationToken);

        return Array.ConvertAll(batch, row => _authors.TryGetValue(row.Author, out var id)
            ? id
            : throw factory.Error(row.LineNumber, "author", $"no user is named '{row.Author}'"));
    }

    /// <summary>
    /// Ids for every tag name of the batch. Upsert: INSERT ... ON CONFLICT DO NOTHING creates the names no tag has yet
    /// and reuses the others, also when a concurrent request creates the same name (the unique index arbitrates).
    /// Sorted, so concurrent writers lock index entries in one order. The SELECT is a new statement, so under READ
    /// COMMITTED it also sees a tag another transaction committed after the INSERT began.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> TagIdsAsync(
        ImportedArticle[] batch,
        CancellationToken cancellationToken)
    {
        var unseen = Unseen(batch.SelectMany(row => row.Tags), _tags);
        if (unseen.Length > 0)
        {
            TagsCreated += await BulkSql.ExecuteAsync(
                connection,
                "INSERT INTO tags (name) SELECT name FROM unnest($1) AS new(name) ORDER BY name "
                + "ON CONFLICT (name) DO NOTHING",
                cancellationToken,
                BulkSql.TextArray(unseen));
            await LookUpAsync(
                "SELECT name, id FROM tags WHERE name = ANY($1) FOR KEY SHARE", unseen, _tags, cancellationToken);
        }

        return _tags;
    }

    private static string[] Unseen(IEnumerable<string> names, Dictionary<string, int> known) =>
        names.Where(name => !known.ContainsKey(name)).Distinct(StringComparer.Ordinal).ToArray();

    private async Task LookUpAsync(
        string sql,
        string[] names,
        Dictionary<string, int> into,
        CancellationToken cancellationToken)
    {
        await using var command = BulkSql.Create(connection, sql, BulkSql.TextArray(names));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            into[reader.GetString(0)] = reader.GetInt32(1);
    }
}
