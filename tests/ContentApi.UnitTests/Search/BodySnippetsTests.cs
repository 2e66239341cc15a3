using ContentApi.Rendering;
using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

public sealed class BodySnippetsTests
{
    private static readonly string Intro = string.Concat(Enumerable.Repeat("開場白的段落，沒有要找的詞。", 30));

    private static string Build(string markdown, string query) => BodySnippets.Build(markdown, SearchQuery.Parse(query));

    private static string FullRender(string markdown, string query) =>
        Snippets.Build(MarkdownRenderer.ToPlainText(markdown), SearchQuery.Parse(query));

    [Fact]
    public void Match_in_a_later_paragraph_gives_that_paragraph_marked_with_ellipses_for_the_text_around_it()
    {
        var markdown = $"## 前言\n\n{Intro}\n\n研究團隊在電極中加入**石墨烯**，提升穩定性。\n\n{Intro}";
        Assert.Equal("…研究團隊在電極中加入<mark>石墨烯</mark>，提升穩定性。…", Build(markdown, "石墨烯"));
    }

    [Fact]
    public void Snippet_within_a_long_paragraph_is_the_same_as_from_the_whole_body()
    {
        var markdown = $"{Intro}\n\n{Intro}研究團隊加入石墨烯，提升穩定性。{Intro}\n\n{Intro}";
        Assert.Equal(FullRender(markdown, "石墨烯"), Build(markdown, "石墨烯"));
    }

    [Theory]
    [InlineData("![graphene](https://example.com/graphene.png)\n\nA paragraph without the word.\n\nAnother one.")]
    [InlineData("Text before.\n\n```\ncode\n\nmore graphene code\n```\n\nText after.")]
    [InlineData("The word spans a blank line: open\n\nsource.")]
    public void Falls_back_to_the_whole_body_when_the_source_match_is_not_visible_text_or_blocks_cannot_be_cut(string markdown)
    {
        var query = markdown.Contains("open") ? "\"open source\"" : "graphene";
        Assert.Equal(FullRender(markdown, query), Build(markdown, query));
    }

    [Fact]
    public void Body_without_a_match_shows_its_start()
    {
        var markdown = $"{Intro}\n\n{Intro}";
        Assert.Equal(FullRender(markdown, "石墨烯"), Build(markdown, "石墨烯"));
        Assert.StartsWith("開場白", Build(markdown, "石墨烯"), StringComparison.Ordinal);
    }
}
