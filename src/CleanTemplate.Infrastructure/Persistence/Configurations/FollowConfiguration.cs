using CleanTemplate.Domain.Profiles;
using CleanTemplate.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanTemplate.Infrastructure.Persistence.Configurations;

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.ToTable("follows", table =>
            table.HasCheckConstraint("ck_follows_not_self", "follower_id <> followee_id"));
        // Self-referential many-to-many: both keys point at users.
        builder.HasKey(follow => new { follow.FollowerId, follow.FolloweeId });
        builder.HasIndex(follow => follow.FolloweeId);
        builder.Property(follow => follow.CreatedAt).HasDefaultValueSql("now()");
        builder.HasOne<User>().WithMany().HasForeignKey(follow => follow.FollowerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(follow => follow.FolloweeId).OnDelete(DeleteBehavior.Cascade);
    }
}
