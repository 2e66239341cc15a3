using System.Text;
using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

public sealed class HanVariantsTests
{
    [Theory]
    [InlineData("義", "义")]
    [InlineData("問", "问")]
    [InlineData("國", "国")]
    [InlineData("發", "发")]
    [InlineData("髮", "发")]
    [InlineData("著", "着")]
    public void Fold_traditional_character_gives_its_first_listed_simplified_form(string traditional, string simplified) =>
        Assert.Equal(new Rune(simplified[0]), HanVariants.Fold(new Rune(traditional[0])));

    [Theory]
    [InlineData("义")]
    [InlineData("乾")]
    [InlineData("中")]
    [InlineData("a")]
    public void Fold_simplified_or_self_listed_character_is_unchanged(string character) =>
        Assert.Equal(new Rune(character[0]), HanVariants.Fold(new Rune(character[0])));

    [Fact]
    public void Mappings_are_loaded_from_the_generated_table_and_folding_twice_changes_nothing()
    {
        Assert.InRange(HanVariants.Mappings.Count, 6000, 7000);
        Assert.All(HanVariants.Mappings.Values, target => Assert.Equal(target, HanVariants.Fold(target)));
    }

    [Theory]
    [InlineData("通義千問發布新模型", "通义千问发布新模型")]
    [InlineData("臺灣的圖書館", "台湾的图书馆")]
    [InlineData("機器學習與語言模型", "机器学习与语言模型")]
    public void AnalyzeForIndex_traditional_and_simplified_text_index_identically(string traditional, string simplified) =>
        Assert.Equal(SearchAnalyzer.AnalyzeForIndex(simplified), SearchAnalyzer.AnalyzeForIndex(traditional));
}
