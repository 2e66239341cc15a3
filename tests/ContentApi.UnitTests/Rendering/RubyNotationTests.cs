using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// The ruby notation of Japanese novel and essay sites (Kakuyomu, Shōsetsuka ni Narō, pixiv), <c>｜長屋《ながや》</c>: the
/// h221 probe's feature, written so by its editors, showed the bar and the reading in brackets to readers, in the table of
/// contents and the excerpt, and search did not find <c>長屋の暮らし</c> in <c>｜長屋《ながや》の暮らし</c>.
/// </summary>
public sealed class RubyNotationTests
{
    private static readonly Dictionary<long, InlineImage> NoImages = [];

    private static string Render(string markdown) => MarkdownRenderer.Render(articleId: 1, markdown, NoImages).Html;

    [Theory]
    [InlineData("下町に残る｜長屋《ながや》の暮らし", "<p>下町に残る<ruby>長屋<rp>《</rp><rt>ながや</rt><rp>》</rp></ruby>の暮らし</p>")]
    [InlineData("｜谷根千《やねせん》と｜本気《マジ》", "<p><ruby>谷根千<rp>《</rp><rt>やねせん</rt><rp>》</rp></ruby>と<ruby>本気<rp>《</rp><rt>マジ</rt><rp>》</rp></ruby></p>")]
    [InlineData("**｜東京《とうきょう》**駅", "<p><strong><ruby>東京<rp>《</rp><rt>とうきょう</rt><rp>》</rp></ruby></strong>駅</p>")]
    public void Render_writes_the_bar_and_double_angle_brackets_as_a_ruby(string markdown, string html) =>
        Assert.Equal(html, Render(markdown));

    [Theory]
    // A Chinese category label and a title in title marks, a byline's bar: no kana reading, so no ruby.
    [InlineData("影評｜電影《沙丘》第二部", "<p>影評｜電影《沙丘》第二部</p>")]
    [InlineData("記者王小明｜台北報導", "<p>記者王小明｜台北報導</p>")]
    [InlineData("熱門｜《魷魚遊戲》第二季", "<p>熱門｜《魷魚遊戲》第二季</p>")]
    [InlineData("｜長屋 の《ながや》", "<p>｜長屋 の《ながや》</p>")]
    [InlineData("`｜長屋《ながや》`", "<p><code>｜長屋《ながや》</code></p>")]
    public void Render_leaves_other_bars_and_brackets_as_written(string markdown, string html) =>
        Assert.Equal(html, Render(markdown));

    [Fact]
    public void Plain_text_counts_and_excerpt_read_the_base_without_its_reading()
    {
        Assert.Equal("下町に残る長屋の暮らし", MarkdownRenderer.ToPlainText("下町に残る｜長屋《ながや》の暮らし"));
        var stats = ArticleText.Measure("｜谷根千《やねせん》と呼ばれる地区。");
        Assert.Equal("谷根千と呼ばれる地区。", stats.DerivedExcerpt);
        Assert.Equal(ArticleText.Measure("谷根千と呼ばれる地区。").CharacterCount, stats.CharacterCount);
    }

    [Fact]
    public void A_heading_with_the_notation_reads_its_base_in_the_contents_and_its_id()
    {
        var rendered = MarkdownRenderer.Render(articleId: 1, "## 下町に残る｜長屋《ながや》の暮らし", NoImages);
        var entry = Assert.Single(rendered.Toc);
        Assert.Equal("下町に残る長屋の暮らし", entry.Text);
        Assert.Equal("user-content-1-下町に残る長屋の暮らし", entry.Id);
    }
}
