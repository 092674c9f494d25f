using CleanTemplate.Domain.Articles;

namespace CleanTemplate.Domain.UnitTests.Articles;

public sealed class ArticleTagsTests
{
    [Fact]
    public void Writing_links_each_tag_once_and_keeps_their_names_in_ordinal_order()
    {
        Tag[] tags = [new(1, "dragons"), new(2, "Zebras"), new(3, "apples"), new(1, "dragons")];

        var article = Article.Write(1, "A title", "A description", "A body", tags);

        article.Tags.Select(link => link.TagId).ShouldBe([1, 2, 3]);
        article.TagNames.ShouldBe(["Zebras", "apples", "dragons"]);
    }

    [Fact]
    public void An_article_written_without_tags_has_no_tag_names()
    {
        Article.Write(1, "A title", "A description", "A body", []).TagNames.ShouldBeEmpty();
    }
}
