using CleanTemplate.Infrastructure.Persistence.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanTemplate.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKeyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyKeyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        // The primary key is the unique index on (scope, key) that INSERT ... ON CONFLICT reserves keys against.
        builder.HasKey(record => new { record.Scope, record.Key });
        builder.Property(record => record.CreatedAt).HasDefaultValueSql("now()");
        // For the purge of expired keys, oldest first.
        builder.HasIndex(record => record.ExpiresAt);
    }
}
