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
    [InlineData("佈", "布")]
    [InlineData("裡", "里")]
    [InlineData("衞", "卫")] // Hong Kong forms (OpenCC HKVariantsRev)
    [InlineData("衹", "只")]
    [InlineData("枱", "台")]
    [InlineData("爲", "为")]
    [InlineData("鑑", "鉴")]
    [InlineData("讚", "赞")]
    [InlineData("乾", "干")]
    public void Fold_traditional_character_gives_the_simplified_form_text_uses(string traditional, string simplified) =>
        Assert.Equal(new Rune(simplified[0]), HanVariants.Fold(new Rune(traditional[0])));

    [Theory]
    [InlineData("义")]
    [InlineData("鉴")]
    [InlineData("中")]
    [InlineData("a")]
    public void Fold_simplified_character_is_unchanged(string character) =>
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
    [InlineData("通義千問發佈的模型在這裡", "通义千问发布的模型在这里")]
    [InlineData("鑑於乾淨的數據", "鉴于干净的数据")]
    public void AnalyzeForIndex_traditional_and_simplified_text_index_identically(string traditional, string simplified) =>
        Assert.Equal(SearchAnalyzer.AnalyzeForIndex(simplified), SearchAnalyzer.AnalyzeForIndex(traditional));
}
