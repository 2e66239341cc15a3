using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

/// <summary>
/// A number's decimal point parted it into two numbers as any punctuation parts words, so 5億 (500 million) found and
/// marked 3.<mark>5億</mark> (350 million), and 5% every 0.5% and 2.5%: a reader looking for an amount got others.
/// </summary>
public sealed class DecimalNumberSearchTests : IDisposable
{
    private static readonly string[] Documents =
    [
        "公司投入約3.5億美元",
        "售價約5億元",
        "利率下調0.5%",
        "營收成長5%",
        "Meta 發布 Llama 3.1 與 Qwen2.5-Max",
        "全形寫作３．５億",
    ];

    private readonly InMemorySearchIndex _index = new(Documents);

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("5億", new long[] { 2 })]
    [InlineData("3.5億", new long[] { 1, 6 })]
    [InlineData("３．５億", new long[] { 1, 6 })]
    [InlineData("5%", new long[] { 2, 4 })]
    [InlineData("0.5%", new long[] { 3 })]
    [InlineData("3", new long[] { 1, 5, 6 })]
    [InlineData("llama3.1", new long[] { 5 })]
    [InlineData("\"Llama 3.1\"", new long[] { 5 })]
    [InlineData("Qwen 2.5-Max", new long[] { 5 })]
    [InlineData("3 5億", new long[0])]
    public void A_number_after_a_decimal_point_is_no_number_of_its_own(string query, long[] expected) =>
        Assert.Equal(expected, _index.Search(query));

    [Theory]
    [InlineData("投入3.5億美元，另有5億元", "5億", "投入3.5億美元，另有<mark>5億</mark>元")]
    [InlineData("投入3.5億美元，另有5億元", "3.5億", "投入<mark>3.5億</mark>美元，另有5億元")]
    public void A_highlight_marks_only_the_number_typed(string text, string query, string expected) =>
        Assert.Equal(expected, Snippets.Highlight(text, SearchQuery.Parse(query)));
}
