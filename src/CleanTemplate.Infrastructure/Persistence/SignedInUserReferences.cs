using CleanTemplate.Application.Common.Exceptions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// The foreign keys by which a write names the signed-in user. Violating one means the user's token outlived their
/// row; a followee's or an article's missing row is another failure and is not translated.
/// </summary>
internal static class SignedInUserReferences
{
    public static readonly IReadOnlySet<string> ConstraintNames = new HashSet<string>(StringComparer.Ordinal)
    {
        //#if (conduit)
        "fk_articles_users_author_id",
        "fk_comments_users_author_id",
        "fk_favorites_users_user_id",
        "fk_follows_users_follower_id",
        //#endif
    };

    /// <summary>
    /// The exception to throw instead of <paramref name="exception"/>, or null for any other failure.
    /// </summary>
    public static SignedInUserNotFoundException? Translate(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is
        {
            SqlState: PostgresErrorCodes.ForeignKeyViolation, ConstraintName: { } name,
        } && ConstraintNames.Contains(name)
            ? new SignedInUserNotFoundException(name, exception)
            : null;

    /// <summary>Runs a raw SQL write that names the signed-in user, translating a violation of such a key.</summary>
    public static async Task ExecuteNamingSignedInUserAsync(
        this ApplicationDbContext db, FormattableString sql, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlAsync(sql, cancellationToken);
        }
        catch (PostgresException exception) when (Translate(exception) is { } missingUser)
        {
            throw missingUser;
        }
    }
}
