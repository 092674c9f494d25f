using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.UnitTests.Persistence;

public sealed class SignedInUserReferencesTests
{
    [Fact]
    public void Every_name_is_a_foreign_key_to_users_in_the_model()
    {
        using var db = ModelOnlyDbContext.Create();
        var keysToUsers = db.Model.GetEntityTypes()
            .SelectMany(entity => entity.GetForeignKeys())
            .Where(key => key.PrincipalEntityType.ClrType == typeof(User))
            .Select(key => key.GetConstraintName())
            .ToList();

        keysToUsers.ShouldContain("fk_follows_users_followee_id");
        SignedInUserReferences.ConstraintNames.ShouldBeSubsetOf(keysToUsers);
        SignedInUserReferences.ConstraintNames.ShouldNotContain("fk_follows_users_followee_id");
    }
}
