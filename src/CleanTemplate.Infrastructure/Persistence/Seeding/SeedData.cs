namespace CleanTemplate.Infrastructure.Persistence.Seeding;

/// <summary>The sample content; users are referred to by their index in <see cref="Users"/>.</summary>
internal static class SeedData
{
    public static readonly (string Username, string Bio, string? Image)[] Users =
    [
        ("jake", "I work at statefarm", "https://i.stack.imgur.com/xHWG8.jpg"),
        ("anna", "Writes about databases", null),
        ("sam", "Dragon trainer", null),
    ];

    public static readonly (int Follower, int Followee)[] Follows = [(0, 1), (2, 0), (2, 1)];

    public static readonly SeedArticle[] Articles =
    [
        new(0, "How to train your dragon", "Ever wonder how?", "It takes a Jacobian",
            ["dragons", "training"], [(1, "Great read!"), (2, "Tried it, works.")], [1, 2]),
        new(1, "Keyset pagination in PostgreSQL", "Deep pages at constant cost", "Use (created_at, id) < (...)",
            ["postgresql", "performance"], [(0, "Finally explained.")], [0]),
        new(1, "Advisory locks", "One at a time, without a table", "pg_advisory_xact_lock is released at commit.",
            ["postgresql"], [], [2]),
        new(2, "Dragons and databases", "What they have in common", "Both hoard things.",
            ["dragons", "postgresql"], [], []),
    ];

    internal sealed record SeedArticle(
        int Author,
        string Title,
        string Description,
        string Body,
        string[] Tags,
        (int Commenter, string Body)[] Comments,
        int[] FavoritedBy);
}
