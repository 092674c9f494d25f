using CleanTemplate.Cli.Erd;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CleanTemplate.Cli.IntegrationTests.Erd;

/// <summary>
/// The relationship shapes a Conduit model grows into, on a model of their own: composite keys, a self-referencing
/// many-to-many through a join entity (follows), an implicit many-to-many join table, a shared-key one-to-one, an
/// optional foreign key, and composite and partial unique indexes.
/// </summary>
public sealed class ErdShapesTests
{
    private static readonly string Diagram = Render();

    [Fact]
    public void A_join_entity_with_two_foreign_keys_to_one_table_shows_two_labelled_one_to_many_relationships()
    {
        Diagram.ShouldContain("    people ||--o{ follows : \"followed_id\"\n");
        Diagram.ShouldContain("    people ||--o{ follows : \"follower_id\"\n");
        Diagram.ShouldContain("        integer follower_id PK, FK \"not null\"\n");
        Diagram.ShouldContain("        integer followed_id PK, FK \"not null\"\n");
    }

    [Fact]
    public void An_implicit_many_to_many_shows_its_join_table() =>
        Diagram.ShouldContain("    posts ||--o{ post_tags : \"posts_id\"\n");

    [Fact]
    public void A_shared_key_one_to_one_with_an_optional_dependent() =>
        Diagram.ShouldContain("    people ||--o| person_profiles : \"id\"\n");

    [Fact]
    public void An_optional_foreign_key_has_an_optional_principal_end() =>
        Diagram.ShouldContain("    people |o--o{ posts : \"editor_id\"\n");

    [Fact]
    public void Partial_and_composite_uniqueness_are_spelled_out_instead_of_marked_UK()
    {
        Diagram.ShouldContain("        text handle \"not null; unique where (deleted_at IS NULL)\"\n");
        Diagram.ShouldContain("        text slug \"not null; unique (author_id, slug)\"\n");
    }

    [Fact]
    public void The_same_model_always_gives_the_same_diagram() => Render().ShouldBe(Diagram);

    private static string Render()
    {
        var options = new DbContextOptionsBuilder<ShapesContext>().UseNpgsql().UseSnakeCaseNamingConvention().Options;
        using var db = new ShapesContext(options);
        return MermaidErd.Render(db.GetService<IDesignTimeModel>().Model);
    }

    private sealed class ShapesContext(DbContextOptions<ShapesContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Person>(person =>
            {
                person.ToTable("people");
                person.HasIndex(p => p.Handle).IsUnique().HasFilter("(deleted_at IS NULL)");
                person.HasOne(p => p.Profile).WithOne().HasForeignKey<PersonProfile>(profile => profile.Id);
            });
            modelBuilder.Entity<PersonProfile>().ToTable("person_profiles");
            modelBuilder.Entity<Follow>(follow =>
            {
                follow.ToTable("follows").HasKey(f => new { f.FollowerId, f.FollowedId });
                follow.HasOne<Person>().WithMany().HasForeignKey(f => f.FollowerId);
                follow.HasOne<Person>().WithMany().HasForeignKey(f => f.FollowedId);
            });
            modelBuilder.Entity<Post>(post =>
            {
                post.ToTable("posts").HasIndex(p => new { p.AuthorId, p.Slug }).IsUnique();
                post.HasOne<Person>().WithMany().HasForeignKey(p => p.AuthorId);
                post.HasOne<Person>().WithMany().HasForeignKey(p => p.EditorId);
                post.HasMany(p => p.Tags).WithMany(tag => tag.Posts).UsingEntity("post_tags");
            });
            modelBuilder.Entity<Tag>().ToTable("tags");
        }
    }

    private sealed class Person
    {
        public int Id { get; set; }

        public string Handle { get; set; } = "";

        public DateTimeOffset? DeletedAt { get; set; }

        public PersonProfile? Profile { get; set; }
    }

    private sealed class PersonProfile
    {
        public int Id { get; set; }

        public string? Bio { get; set; }
    }

    private sealed class Follow
    {
        public int FollowerId { get; set; }

        public int FollowedId { get; set; }
    }

    private sealed class Post
    {
        public int Id { get; set; }

        public int AuthorId { get; set; }

        public int? EditorId { get; set; }

        public string Slug { get; set; } = "";

        public List<Tag> Tags { get; } = [];
    }

    private sealed class Tag
    {
        public int Id { get; set; }

        public List<Post> Posts { get; } = [];
    }
}
