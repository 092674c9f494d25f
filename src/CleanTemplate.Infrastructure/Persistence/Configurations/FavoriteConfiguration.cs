using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanTemplate.Infrastructure.Persistence.Configurations;

internal sealed class FavoriteConfiguration : IEntityTypeConfiguration<Favorite>
{
    public void Configure(EntityTypeBuilder<Favorite> builder)
    {
        builder.ToTable("favorites");
        // Association object: the composite key is the pair, so a user favorites an article at most once.
        builder.HasKey(favorite => new { favorite.UserId, favorite.ArticleId });
        builder.HasIndex(favorite => favorite.ArticleId);
        builder.Property(favorite => favorite.CreatedAt).HasDefaultValueSql("now()");
        builder.HasOne<User>().WithMany().HasForeignKey(favorite => favorite.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>()
            .WithMany()
            .HasForeignKey(favorite => favorite.ArticleId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
