using CleanTemplate.Application.Articles;
using CleanTemplate.Domain.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanTemplate.Infrastructure.Persistence.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("tags");
        builder.Property(tag => tag.Id).UseIdentityAlwaysColumn();
        builder.Property(tag => tag.Name).HasMaxLength(Tag.NameMaxLength);
        builder.HasIndex(tag => tag.Name).IsUnique().HasDatabaseName(ArticleConstraints.TagNameUniqueIndex);
    }
}
