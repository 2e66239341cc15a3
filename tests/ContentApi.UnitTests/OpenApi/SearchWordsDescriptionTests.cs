using ContentApi.OpenApi;
using ContentApi.Search;

namespace ContentApi.UnitTests.OpenApi;

public sealed class SearchWordsDescriptionTests
{
    /// <summary>
    /// The q parameter's description, which generated clients show, said that punctuation beside a Chinese, Japanese or
    /// Korean word parts the term, but a name's dot, a number's sign and quotes keep it one: each example it gives is
    /// read as it says.
    /// </summary>
    [Theory]
    [InlineData("阿里雲-發布", 2)]
    [InlineData("2024年/2025年", 2)]
    [InlineData("東京・大阪", 2)]
    [InlineData("กรุงเทพ-เชียงใหม่", 2)]
    [InlineData("ドナルド・トランプ", 1)]
    [InlineData("伊隆·馬斯克", 1)]
    [InlineData("37%股權", 1)]
    [InlineData("\"阿里雲-發布\"", 1)]
    public void Each_example_of_a_term_parted_or_kept_is_read_as_the_description_says(string example, int terms)
    {
        Assert.Contains($"`{example}`", ParameterDescriptionOperationFilter.SearchWords, StringComparison.Ordinal);
        Assert.Equal(terms, SearchQuery.Parse(example).Terms.Count);
    }
}
