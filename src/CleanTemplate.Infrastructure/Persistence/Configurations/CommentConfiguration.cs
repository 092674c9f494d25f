using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanTemplate.Infrastructure.Persistence.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("comments");
        builder.Property(comment => comment.Id).UseIdentityAlwaysColumn();
        builder.Property(comment => comment.Body).HasMaxLength(Comment.BodyMaxLength);
        builder.HasQueryFilter(comment => comment.Status == EntityStatus.Active);
        builder.HasIndex(comment => new { comment.ArticleId, comment.CreatedAt });
        builder.HasOne(comment => comment.Author)
            .WithMany()
            .HasForeignKey(comment => comment.AuthorId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
