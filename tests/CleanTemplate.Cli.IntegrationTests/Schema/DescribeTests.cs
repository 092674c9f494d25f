using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.Cli.Schema;
using CleanTemplate.TestSupport.Postgres;

namespace CleanTemplate.Cli.IntegrationTests.Schema;

public sealed class DescribeTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Describe_prints_columns_constraints_and_index_ddl_as_aligned_tables()
    {
        var described = await CliRun.DbAsync(fixture.Database, "describe");

        described.ShouldSucceed();
        described.Output.ShouldContain("public.users");
        described.Output.ShouldMatch(
            @"│\s*1\s*│\s*id\s*│\s*integer\s*│\s*no\s*│\s*generated always as identity\s*│");
        described.Output.ShouldMatch(@"│\s*email\s*│\s*character varying\(256\)\s*│\s*no\s*│");
        described.Output.ShouldMatch(@"│\s*fk_user_profiles_users_id\s*│\s*foreign key\s*│\s*id\s*│"
            + @"\s*FOREIGN KEY \(id\) REFERENCES users\(id\) ON DELETE CASCADE\s*│");
        described.Output.ShouldMatch(@"│\s*ix_users_email\s*│\s*yes\s*│"
            + @"\s*CREATE UNIQUE INDEX ix_users_email ON public\.users USING btree \(email\)\s*│");
    }

    [Fact]
    public async Task Describe_as_json_has_every_table_column_constraint_and_index()
    {
        var schema = SchemaJson.Deserialize(await CliRun.DescribeJsonAsync(fixture.Database));

        var profiles = schema.Tables.Single(table => table.QualifiedName == "public.user_profiles");
        profiles.Columns.Select(column => (column.Name, column.Type, column.Nullable)).ShouldBe(
        [
            ("id", "integer", false),
            ("bio", "character varying(2000)", true),
            ("image", "character varying(2048)", true),
            ("created_at", "timestamp with time zone", false),
            ("updated_at", "timestamp with time zone", false),
            ("status", "character varying(16)", false),
        ]);
        var foreignKey = profiles.Constraints.Single(constraint => constraint.Kind == ConstraintKind.ForeignKey);
        (foreignKey.Name, foreignKey.ReferencedTable).ShouldBe(("fk_user_profiles_users_id", "public.users"));
        foreignKey.ReferencedColumns.ShouldBe(["id"]);
        profiles.Indexes.ShouldHaveSingleItem().ShouldBe(new IndexSchema(
            "pk_user_profiles",
            Unique: true,
            BacksConstraint: true,
            "CREATE UNIQUE INDEX pk_user_profiles ON public.user_profiles USING btree (id)"));
    }

    [Fact]
    public async Task Describe_of_one_schema_leaves_the_others_out()
    {
        var described = await CliRun.DbAsync(fixture.Database, "describe", "--schema", "no_such_schema");

        described.ShouldSucceed();
        described.Output.Trim().ShouldBe("No tables.");
    }
}
