using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanTemplate.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ArticleTagNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "tag_names",
                table: "articles",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            // The articles already there get their tags' names from the links, in the order Article.Write keeps
            // (COLLATE "C": byte order, which is ordinal order for UTF-8 outside surrogate pairs).
            migrationBuilder.Sql(
                """
                UPDATE articles AS a
                SET tag_names = names.tag_names
                FROM (
                    SELECT link.article_id, array_agg(tag.name ORDER BY tag.name COLLATE "C") AS tag_names
                    FROM article_tags AS link
                    JOIN tags AS tag ON tag.id = link.tag_id
                    GROUP BY link.article_id
                ) AS names
                WHERE names.article_id = a.id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "tag_names",
                table: "articles");
        }
    }
}
