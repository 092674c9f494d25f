namespace CleanTemplate.Application.Users;

/// <summary>
/// Names of the unique indexes on users. Infrastructure creates them under these names, and use cases map a
/// lost race on one of them back to the field the client sent.
/// </summary>
public static class UserConstraints
{
    public const string EmailUniqueIndex = "ix_users_email";
    public const string UsernameUniqueIndex = "ix_users_username";

    public static string? FieldOf(string constraintName) => constraintName switch
    {
        EmailUniqueIndex => "email",
        UsernameUniqueIndex => "username",
        _ => null,
    };
}
