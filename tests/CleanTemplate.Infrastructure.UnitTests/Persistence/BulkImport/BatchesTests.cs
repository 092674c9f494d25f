using CleanTemplate.Infrastructure.Persistence.BulkImport;

namespace CleanTemplate.Infrastructure.UnitTests.Persistence.BulkImport;

/// <summary>The growing batches on their own: pure logic, no database.</summary>
public sealed class BatchesTests
{
    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(3, new[] { 2, 1 })]
    [InlineData(6, new[] { 2, 4 })]
    [InlineData(20, new[] { 2, 4, 5, 5, 4 })]
    public async Task Batches_double_from_the_first_size_up_to_the_largest_and_the_last_holds_the_rest(
        int count, int[] sizes)
    {
        var batches = await ToAsync(Enumerable.Range(0, count)).InBatchesAsync(first: 2, largest: 5).ToListAsync();

        batches.Select(batch => batch.Length).ShouldBe(sizes);
        batches.SelectMany(batch => batch).ShouldBe(Enumerable.Range(0, count));
    }

    [Fact]
    public void Sizes_never_overflow_past_the_largest()
    {
        Enumerable.Range(0, 64).Select(index => Batches.SizeAt(index, 250, 2_000)).Max().ShouldBe(2_000);
        Batches.SizeAt(40, 250, 2_000).ShouldBe(2_000);
    }

    private static async IAsyncEnumerable<int> ToAsync(IEnumerable<int> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
