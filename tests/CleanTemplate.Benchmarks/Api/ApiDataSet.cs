using Npgsql;

namespace CleanTemplate.Benchmarks.Api;

/// <summary>
/// The API benchmark's data: 200 users (the signed-in viewer, registered through the API, and 199 more), 5,000
/// articles with 1-4 of 50 tags, about 21,000 favorites and 200 follows, the viewer's among them, so that a signed-in
/// page carries both true and false <c>favorited</c> and <c>following</c>. Set-based SQL with a fixed random seed, so
/// every run measures the same rows.
/// </summary>
internal static class ApiDataSet
{
    public const int Articles = 5_000;

    private const string Sql = """
        SELECT setseed(0.42);

        INSERT INTO users (username, email, password_hash, status, created_at, updated_at)
        SELECT 'author' || n, 'author' || n || '@example.com', 'not a password hash: these users never sign in', 'Active',
               now() - interval '400 days', now() - interval '400 days'
        FROM generate_series(1, 199) AS n;
        INSERT INTO user_profiles (id, bio, image, status, created_at, updated_at)
        SELECT id, 'Writes about ' || username || '''s favourite things.', 'https://api.realworld.io/images/smiley-cyrus.jpeg',
               'Active', created_at, updated_at
        FROM users WHERE username LIKE 'author%';
        INSERT INTO tags (name) SELECT 'tag' || lpad(n::text, 2, '0') FROM generate_series(1, 50) AS n;

        -- Numbered rows, so that a random number picks a random row by a join.
        CREATE TEMPORARY TABLE numbered_users AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM users;
        CREATE TEMPORARY TABLE numbered_authors AS
            SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE username LIKE 'author%';
        CREATE TEMPORARY TABLE numbered_tags AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM tags;

        -- One article an hour, newest first, each by one of the 200 users.
        INSERT INTO articles (id, author_id, slug, title, description, body, status, created_at, updated_at)
        SELECT gen_random_uuid(), author.id, 'how-to-train-your-dragon-' || pick.n, 'How to train your dragon, part ' || pick.n,
               'Ever wondered how? Part ' || pick.n || ' of a long series.', repeat('It takes a Jacobian. ', 50), 'Active',
               now() - pick.n * interval '1 hour', now() - pick.n * interval '1 hour'
        FROM (SELECT n, 1 + floor(random() * 200)::int AS user_number FROM generate_series(1, @articles) AS n) AS pick
        JOIN numbered_users AS author ON author.n = pick.user_number;
        CREATE TEMPORARY TABLE numbered_articles AS SELECT id, row_number() OVER (ORDER BY created_at DESC) AS n FROM articles;

        -- 1-4 distinct tags per article: a random first tag, then every seventh (7 and 50 share no factor).
        INSERT INTO article_tags (article_id, tag_id)
        SELECT pick.id, tag.id
        FROM (SELECT id, floor(random() * 50)::int AS first, 1 + floor(random() * 4)::int AS count FROM articles) AS pick
        CROSS JOIN LATERAL generate_series(0, pick.count - 1) AS step
        JOIN numbered_tags AS tag ON tag.n = 1 + (pick.first + step * 7) % 50;
        -- Each article's row keeps its tags' names too, as Article.Write does (ordinal order).
        UPDATE articles AS a SET tag_names = names.tag_names
        FROM (SELECT link.article_id, array_agg(tag.name ORDER BY tag.name COLLATE "C") AS tag_names
              FROM article_tags AS link JOIN tags AS tag ON tag.id = link.tag_id GROUP BY link.article_id) AS names
        WHERE names.article_id = a.id;

        INSERT INTO favorites (user_id, article_id)
        SELECT fan.id, article.id
        FROM (SELECT 1 + floor(random() * 200)::int AS user_number, 1 + floor(random() * @articles)::int AS article_number
              FROM generate_series(1, 21500)) AS pick
        JOIN numbered_users AS fan ON fan.n = pick.user_number
        JOIN numbered_articles AS article ON article.n = pick.article_number
        ON CONFLICT DO NOTHING;

        -- The viewer favorites every third of the 100 newest articles and follows ten authors; about 190 other follows.
        INSERT INTO favorites (user_id, article_id)
        SELECT viewer.id, article.id
        FROM users AS viewer, numbered_articles AS article
        WHERE viewer.username = @viewer AND article.n % 3 = 0 AND article.n <= 100
        ON CONFLICT DO NOTHING;
        INSERT INTO follows (follower_id, followee_id)
        SELECT viewer.id, author.id
        FROM users AS viewer, numbered_authors AS author
        WHERE viewer.username = @viewer AND author.n % 20 = 1;
        INSERT INTO follows (follower_id, followee_id)
        SELECT follower.id, followee.id
        FROM (SELECT 1 + floor(random() * 199)::int AS first, 1 + floor(random() * 199)::int AS second
              FROM generate_series(1, 190)) AS pick
        JOIN numbered_authors AS follower ON follower.n = pick.first
        JOIN numbered_authors AS followee ON followee.n = pick.second
        WHERE follower.id <> followee.id
        ON CONFLICT DO NOTHING;
        """;

    /// <summary>
    /// Adds the data set around the already registered <paramref name="viewer"/>; returns the slug the single-article
    /// run reads.
    /// </summary>
    public static async Task<string> SeedAsync(string connectionString, string viewer)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var seed = dataSource.CreateCommand(Sql))
        {
            seed.Parameters.AddWithValue("articles", Articles);
            seed.Parameters.AddWithValue("viewer", viewer);
            await seed.ExecuteNonQueryAsync();
        }

        // Statistics for the planner, hint bits and the visibility map set now, so that no run pays for them (nor for
        // autovacuum waking up to do it); VACUUM cannot run inside the seed's implicit transaction.
        await using (var vacuum = dataSource.CreateCommand("VACUUM (ANALYZE)"))
            await vacuum.ExecuteNonQueryAsync();

        await using var counts = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM articles), (SELECT count(*) FROM article_tags),
                   (SELECT count(*) FROM favorites), (SELECT count(*) FROM follows),
                   (SELECT slug FROM articles ORDER BY created_at DESC OFFSET 2 LIMIT 1)
            """);
        await using var reader = await counts.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine(
            $"data set: {reader.GetInt64(0)} users, {reader.GetInt64(1)} articles, {reader.GetInt64(2)} tag links, " +
            $"{reader.GetInt64(3)} favorites, {reader.GetInt64(4)} follows");
        return reader.GetString(5);
    }
}
