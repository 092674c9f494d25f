using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Articles.Events;

namespace CleanTemplate.Domain.UnitTests.Articles;

public sealed class ArticleEventsTests
{
    [Fact]
    public void Writing_raises_one_article_published_event()
    {
        var article = Written();

        article.DomainEvents.ShouldHaveSingleItem().ShouldBe(new ArticlePublished(article));
    }

    [Fact]
    public void An_edit_raises_one_event_however_many_fields_change_and_none_when_nothing_does()
    {
        var article = Written();
        article.ClearDomainEvents();

        article.Edit(article.Title, article.Description, body: null);
        var afterNoChange = article.DomainEvents.Count;
        article.Edit("New title", "New description", "New body");
        article.Edit(title: null, description: null, body: "Newer body");

        afterNoChange.ShouldBe(0);
        article.DomainEvents.ShouldHaveSingleItem().ShouldBe(new ArticleEdited(article));
    }

    [Fact]
    public void Commenting_and_deleting_raise_their_events_on_the_article()
    {
        var article = Written();
        article.ClearDomainEvents();

        var comment = article.Comment(authorId: 2, "Nice.");
        article.Delete();

        article.DomainEvents.ShouldBe([new CommentAdded(article, comment), new ArticleDeleted(article)]);
    }

    private static Article Written() => Article.Write(1, "A title", "A description", "A body", []);
}
