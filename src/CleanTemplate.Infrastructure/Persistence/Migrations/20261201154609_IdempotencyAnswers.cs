using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanTemplate.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The answer is now the caller's opaque encoding, which an old response body is not: keys answered before
            // stay in flight (409) until they expire, never a second write nor a replay of bytes in the wrong form.
            migrationBuilder.DropColumn(
                name: "response_body",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "content_type",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "location",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "status_code",
                table: "idempotency_keys");

            migrationBuilder.AddColumn<byte[]>(
                name: "answer",
                table: "idempotency_keys",
                type: "bytea",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // As in Up: the stored answers go, and their keys stay in flight until they expire.
            migrationBuilder.DropColumn(
                name: "answer",
                table: "idempotency_keys");

            migrationBuilder.AddColumn<byte[]>(
                name: "response_body",
                table: "idempotency_keys",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "content_type",
                table: "idempotency_keys",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "location",
                table: "idempotency_keys",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "status_code",
                table: "idempotency_keys",
                type: "integer",
                nullable: true);
        }
    }
}
