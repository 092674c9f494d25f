using CleanTemplate.Application.Articles;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanTemplate.Infrastructure.Persistence.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("articles");
        // UUID v7 from the application: the key is known before the insert, and keys sort by creation time.
        builder.Property(article => article.Id).ValueGeneratedNever();
        builder.Property(article => article.Slug).HasMaxLength(Article.SlugMaxLength);
        builder.Property(article => article.Title).HasMaxLength(Article.TitleMaxLength);
        builder.Property(article => article.Description).HasMaxLength(Article.DescriptionMaxLength);
        // A uint row version maps to PostgreSQL's xmin system column: no column to add, bumped by every UPDATE.
        builder.Property(article => article.Version).IsRowVersion();

        // Soft delete: deleted articles disappear from every query, and their slugs become free again.
        builder.HasQueryFilter(article => article.Status == EntityStatus.Active);
        builder.HasIndex(article => article.Slug).IsUnique()
            .HasDatabaseName(ArticleConstraints.SlugUniqueIndex)
            .HasFilter("status = 'Active'");
        // Serves newest-first listing and the keyset cursor (created_at, id).
        builder.HasIndex(article => new { article.CreatedAt, article.Id })
            .IsDescending(true, true)
            .HasDatabaseName("ix_articles_created_at_id")
            .HasFilter("status = 'Active'");

        builder.HasOne(article => article.Author)
            .WithMany()
            .HasForeignKey(article => article.AuthorId)
            .OnDelete(DeleteBehavior.Restrict);

        // One-to-many with cascade: comments belong to their article, and a hard delete of the article row (a
        // retention purge; the API only soft-deletes) takes them with it in the database.
        builder.HasMany(article => article.Comments)
            .WithOne()
            .HasForeignKey(comment => comment.ArticleId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(article => article.Comments).HasField("_comments");

        builder.HasMany(article => article.Tags)
            .WithOne()
            .HasForeignKey(link => link.ArticleId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(article => article.Tags).HasField("_tags");
        // The tag names again, as a text[] in the row: the reads' tag list, without joining the links (decision 0011).
        builder.Property(article => article.TagNames).HasField("_tagNames").HasColumnName("tag_names")
            .HasDefaultValueSql("'{}'");
    }
}
