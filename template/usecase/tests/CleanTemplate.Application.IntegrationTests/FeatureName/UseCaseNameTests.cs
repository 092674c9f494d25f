#if (kind == "command")
using CleanTemplate.Application.FeatureName.Commands.UseCaseName;
#else
using CleanTemplate.Application.FeatureName.Queries.UseCaseName;
#endif
using CleanTemplate.Application.Common.Results;
#if (kind == "query")
using CleanTemplate.TestSupport.Builders;
#endif
using CleanTemplate.TestSupport.Composition;

namespace CleanTemplate.Application.IntegrationTests.FeatureName;

public sealed class UseCaseNameTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
#if (kind == "command")
    [Fact]
    public async Task UseCaseName_answers_with_the_name_it_was_given()
    {
        var result = await Scope.SendAsync(new UseCaseNameCommand("example"));

        result.Value.ShouldBe(new UseCaseNameDto("example"));
    }

    [Fact]
    public async Task An_empty_name_is_refused_by_the_validator()
    {
        var result = await Scope.SendAsync(new UseCaseNameCommand(""));

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields!["name"].ShouldBe(["can't be empty"]);
    }
#else
    [Fact]
    public async Task UseCaseName_reads_the_named_user_with_one_query()
    {
        var user = TestUsers.New();
        await Scope.ArrangeAsync(user);
        Fixture.QueryCounter.Reset();

        var result = await Scope.SendAsync(new UseCaseNameQuery(user.Username));

        result.Value.ShouldBe(new UseCaseNameDto(user.Username));
        Fixture.QueryCounter.Count.ShouldBe(1, string.Join("\n", Fixture.QueryCounter.Commands));
    }

    [Fact]
    public async Task An_unknown_name_is_not_found()
    {
        var result = await Scope.SendAsync(new UseCaseNameQuery("nobody"));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task An_empty_name_is_refused_by_the_validator_before_any_sql()
    {
        var result = await Scope.SendAsync(new UseCaseNameQuery(""));

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields!["name"].ShouldBe(["can't be empty"]);
        Fixture.QueryCounter.Count.ShouldBe(0);
    }
#endif
}
