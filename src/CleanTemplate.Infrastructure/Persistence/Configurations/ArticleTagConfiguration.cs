using CleanTemplate.Domain.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanTemplate.Infrastructure.Persistence.Configurations;

internal sealed class ArticleTagConfiguration : IEntityTypeConfiguration<ArticleTag>
{
    public void Configure(EntityTypeBuilder<ArticleTag> builder)
    {
        builder.ToTable("article_tags");
        builder.HasKey(link => new { link.ArticleId, link.TagId });
        builder.HasIndex(link => link.TagId);
        builder.Property(link => link.CreatedAt).HasDefaultValueSql("now()");
        builder.HasOne(link => link.Tag).WithMany().HasForeignKey(link => link.TagId).OnDelete(DeleteBehavior.Restrict);
    }
}
