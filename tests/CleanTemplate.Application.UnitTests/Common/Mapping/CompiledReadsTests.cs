using System.Linq.Expressions;
using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Profiles;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.UnitTests.Common.Mapping;

public sealed class CompiledReadsTests
{
    private static readonly ParameterExpression Context = Expression.Parameter(typeof(DbContext), "db");
    private static readonly ParameterExpression ViewerId = Expression.Parameter(typeof(int?), "viewerId");

    [Fact]
    public void The_article_projection_reads_the_viewer_from_the_parameters_only()
    {
        var projection = MappingConfiguration.Create().ProjectionOf<Article, ArticleDto>();
        projection.ToString().ShouldContain("Viewer.Current");

        var rewritten = CompiledReads.WithViewer(projection, Context, ViewerId).ToString();

        rewritten.ShouldNotContain("Viewer.", Case.Sensitive);
        rewritten.ShouldContain("viewerId");
        rewritten.ShouldContain("db.Set()");
    }

    [Fact]
    public void A_projection_reading_the_viewer_any_other_way_is_refused()
    {
        Expression<Func<Article, string>> projection = article => Viewer.Current.ToString();

        Should.Throw<InvalidOperationException>(() => CompiledReads.WithViewer(projection, Context, ViewerId))
            .Message.ShouldContain("Viewer.Current");
    }

    [Fact]
    public void Reads_that_are_no_EF_context_and_route_to_none_are_refused()
    {
        Should.Throw<InvalidOperationException>(() => CompiledReads.ContextOf(new NoContext()))
            .Message.ShouldContain(nameof(NoContext));
    }

    private sealed class NoContext : IReadDbContext
    {
        public IQueryable<Domain.Users.User> Users => throw new NotSupportedException();

        public IQueryable<Follow> Follows => throw new NotSupportedException();

        public IQueryable<Article> Articles => throw new NotSupportedException();

        public IQueryable<Tag> Tags => throw new NotSupportedException();

        public IQueryable<Comment> Comments => throw new NotSupportedException();

        public IQueryable<Favorite> Favorites => throw new NotSupportedException();
    }
}
