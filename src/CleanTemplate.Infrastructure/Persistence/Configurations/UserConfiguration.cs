using CleanTemplate.Application.Users;
using CleanTemplate.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanTemplate.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.Property(user => user.Id).UseIdentityAlwaysColumn();
        builder.Property(user => user.Username).HasMaxLength(User.UsernameMaxLength);
        builder.Property(user => user.Email).HasMaxLength(User.EmailMaxLength);
        builder.Property(user => user.PasswordHash).HasMaxLength(512);

        builder.HasIndex(user => user.Email).IsUnique().HasDatabaseName(UserConstraints.EmailUniqueIndex);
        builder.HasIndex(user => user.Username).IsUnique().HasDatabaseName(UserConstraints.UsernameUniqueIndex);

        // One-to-one sharing the primary key: the profile row is created with the user and deleted with it.
        builder.HasOne(user => user.Profile)
            .WithOne()
            .HasForeignKey<UserProfile>(profile => profile.Id)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(user => user.Profile).IsRequired();
    }
}
