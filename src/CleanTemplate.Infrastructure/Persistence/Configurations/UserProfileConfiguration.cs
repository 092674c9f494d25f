using CleanTemplate.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanTemplate.Infrastructure.Persistence.Configurations;

internal sealed class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> builder)
    {
        builder.ToTable("user_profiles");
        builder.Property(profile => profile.Id).ValueGeneratedNever();
        builder.Property(profile => profile.Bio).HasMaxLength(UserProfile.BioMaxLength);
        builder.Property(profile => profile.Image).HasMaxLength(UserProfile.ImageMaxLength);
    }
}
