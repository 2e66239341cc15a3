using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

/// <summary>
/// A name's one-letter variant typed joined to its version (gpt4o) was also looked for apart from it, so gpt4o found
/// "GPT 4 o Claude 3", Spanish for GPT 4 or Claude 3, and marked "GPT 4 o" in it. Typed apart, the words still find the
/// name joined, and the name and its version are still found either way.
/// </summary>
public sealed class OneLetterVariantSearchTests : IDisposable
{
    private static readonly string[] Documents =
    [
        "El lanzamiento de GPT 4 o Claude 3 marcará el año",
        "OpenAI released GPT-4o mini",
        "GPT4o 與 GPT4 比較",
        "Apple iPhone 15 Pro",
    ];

    private readonly InMemorySearchIndex _index = new(Documents);

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("gpt4o", new long[] { 2, 3 })]
    [InlineData("GPT-4o", new long[] { 2, 3 })]
    [InlineData("gpt-4o-mini", new long[] { 2 })]
    [InlineData("GPT 4 o", new long[] { 1, 2, 3 })]
    [InlineData("gpt4", new long[] { 1, 2, 3 })]
    [InlineData("iphone15", new long[] { 4 })]
    public void A_one_letter_variant_typed_joined_is_not_looked_for_apart(string query, long[] expected) =>
        Assert.Equal(expected, _index.Search(query));

    [Fact]
    public void A_one_letter_word_after_a_number_is_not_marked_as_the_variant() =>
        Assert.Equal("GPT 4 o Claude 3 y <mark>GPT-4o</mark>", Snippets.Highlight("GPT 4 o Claude 3 y GPT-4o", SearchQuery.Parse("gpt4o")));
}
