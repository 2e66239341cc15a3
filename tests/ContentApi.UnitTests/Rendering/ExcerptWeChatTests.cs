namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// What WeChat official-account articles, a common source of Chinese content, put around the article: a prompt to follow
/// the account above it, and at its end an END mark, "往期推荐" links and a prompt to like and share. All of them were
/// in a short article's derived excerpt (probe).
/// </summary>
public sealed class ExcerptWeChatTests
{
    private const string Lead = "12月4日，国家统计局发布数据显示物价平稳。";

    [Theory]
    [InlineData("点击上方蓝字关注我们\n\n" + Lead)]
    [InlineData("👆点击“硅星人”关注我们\n\n" + Lead)]
    [InlineData(Lead + "\n\nEND\n\n往期推荐\n\n- [另一篇](https://example.com/a)")]
    [InlineData(Lead + "\n\n— END —")]
    [InlineData(Lead + "\n\n-END-\n\n作者：王小明 编辑：李四")]
    [InlineData(Lead + "\n\n（全文完）")]
    [InlineData(Lead + "\n\n**往期推荐**\n\n[另一篇](https://example.com/a)")]
    [InlineData(Lead + "\n\n点个“在看”，分享给更多朋友")]
    [InlineData(Lead + "\n\n长按识别二维码关注我们")]
    public void The_accounts_own_lines_are_not_in_the_excerpt(string markdown) =>
        Assert.Equal(Lead, DerivedExcerpt.Of(markdown));

    [Theory]
    [InlineData("他点击上方的按钮，关注了这个账号。\n\n" + Lead, "他点击上方的按钮，关注了这个账号。" + Lead)]
    [InlineData(Lead + "\n\nThe END of an era, he said.", Lead + "The END of an era, he said.")]
    [InlineData(Lead + "\n\n网友纷纷点赞，认为数据可信。", Lead + "网友纷纷点赞，认为数据可信。")]
    public void Text_that_only_mentions_them_stays(string markdown, string excerpt) =>
        Assert.Equal(excerpt, DerivedExcerpt.Of(markdown));
}
