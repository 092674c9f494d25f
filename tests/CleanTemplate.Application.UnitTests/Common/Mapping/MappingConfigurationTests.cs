//#if (conduit)
using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Comments;
//#endif
using CleanTemplate.Application.Common.Mapping;
//#if (conduit)
using CleanTemplate.Application.Profiles;
using CleanTemplate.Domain.Articles;
//#endif
using CleanTemplate.Domain.Users;
using Mapster;
using Mapster.Models;

namespace CleanTemplate.Application.UnitTests.Common.Mapping;

public sealed class MappingConfigurationTests
{
    //#if (conduit)
    [Fact]
    public void Every_map_of_the_application_compiles_with_a_source_for_each_member()
    {
        var config = MappingConfiguration.Create();

        config.RuleMap.Keys.ShouldBe(
            [
                new TypeTuple(typeof(Article), typeof(ArticleDto)),
                new TypeTuple(typeof(Article), typeof(ArticleSummaryDto)),
                new TypeTuple(typeof(Comment), typeof(CommentDto)),
                new TypeTuple(typeof(User), typeof(ProfileDto)),
            ],
            ignoreOrder: true);
        Should.NotThrow(config.CompileProjection);
        Should.NotThrow(() => config.Compile());
    }
    //#endif

    [Fact]
    public void A_member_with_no_source_fails_instead_of_becoming_a_constant()
    {
        var config = MappingConfiguration.Create();
        config.NewConfig<User, UserWithKarma>();

        var failure = Should.Throw<CompileException>(
            () => config.CompileProjection(typeof(User), typeof(UserWithKarma)));

        failure.InnerException.ShouldNotBeNull().Message.ShouldContain(nameof(UserWithKarma.Karma));
    }

    [Fact]
    public void A_pair_with_no_map_fails_instead_of_being_mapped_by_convention()
    {
        var config = MappingConfiguration.Create();

        var failure = Should.Throw<CompileException>(
            () => config.CompileProjection(typeof(User), typeof(UserWithKarma)));

        failure.InnerException.ShouldNotBeNull().Message.ShouldContain("Implicit mapping is not allowed");
    }

    /// <summary>A DTO that grew a member nobody mapped: Username matches, Karma has no source.</summary>
    private sealed record UserWithKarma(string Username, int Karma);
}
