using CleanTemplate.Domain.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanTemplate.Infrastructure.Persistence.Configurations;

internal sealed class TagStatisticConfiguration : IEntityTypeConfiguration<TagStatistic>
{
    public void Configure(EntityTypeBuilder<TagStatistic> builder)
    {
        builder.ToTable("tag_statistics");
        builder.HasKey(statistic => statistic.TagId);
        builder.Property(statistic => statistic.TagId).ValueGeneratedNever();
        builder.HasOne<Tag>()
            .WithOne()
            .HasForeignKey<TagStatistic>(statistic => statistic.TagId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
