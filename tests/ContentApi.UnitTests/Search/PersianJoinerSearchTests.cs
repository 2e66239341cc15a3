using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

/// <summary>
/// Persian writes a plural, a verb's prefix or the ezafe with a zero-width non-joiner between it and the word
/// ("شرکت‌های", "می‌گویند", "پیشینه‌ی"), and readers type it with one, with none or with a space: the index read the
/// joiner as nothing, so "شرکت" did not find "شرکت‌های", nor "پیشینه" the heading "پیشینه‌ی خبر" (RTL review).
/// </summary>
public sealed class PersianJoinerSearchTests : IDisposable
{
    private static readonly string[] Documents =
    [
        "شرکت‌های چینی و کارشناسان می‌گویند",
        "پیشینه‌ی خبر",
        "क्\u200Cष अक्षर",
        "شرکتی دیگر",
    ];

    private readonly InMemorySearchIndex _index = new(Documents);

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("شرکت", new long[] { 1 })]
    [InlineData("شرکت‌های", new long[] { 1 })]
    [InlineData("شرکتهای", new long[] { 1 })]
    [InlineData("شرکت های", new long[] { 1 })]
    [InlineData("شركت", new long[] { 1 })]
    [InlineData("پیشینه", new long[] { 2 })]
    [InlineData("پیشینه‌ی", new long[] { 2 })]
    [InlineData("پیشینهی خبر", new long[] { 2 })]
    [InlineData("می‌گویند", new long[] { 1 })]
    [InlineData("میگویند", new long[] { 1 })]
    [InlineData("گویند", new long[] { 1 })]
    [InlineData("کارشناسان -شرکت‌های", new long[0])]
    [InlineData("هایچینی", new long[0])]
    public void A_word_is_found_by_its_parts_a_non_joiner_sets_apart_and_by_them_joined(string query, long[] expected) =>
        Assert.Equal(expected, Search(query));

    /// <summary>Indic scripts write the joiner inside a letter's cluster, to choose its shape: their words stay whole.</summary>
    [Fact]
    public void A_non_joiner_in_a_devanagari_word_parts_nothing() =>
        Assert.Equal("क्ष अक्षर", SearchAnalyzer.AnalyzeForIndex(Documents[2]));

    [Theory]
    [InlineData("شرکت‌های چینی", "شرکت", "<mark>شرکت‌</mark>های چینی")]
    [InlineData("شرکت‌های چینی", "شرکتهای", "<mark>شرکت‌های</mark> چینی")]
    public void A_highlight_marks_the_part_found(string text, string query, string expected) =>
        Assert.Equal(expected, Snippets.Highlight(text, SearchQuery.Parse(query)));

    private long[] Search(string query) => _index.Search(query);
}
