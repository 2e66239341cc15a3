using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>Hugo's <c>aliases</c> and Jekyll's <c>redirect_from</c> were unknown keys, ignored with a warning: a migrated site lost its old URLs.</summary>
public sealed class EarlierSlugFrontMatterTests
{
    [Fact]
    public void Hugo_aliases_give_the_slugs_of_the_posts_earlier_urls()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines(
            "---", "title: T", "aliases:", "  - /2019/05/old-title/", "  - /posts/older-title.html", "  - /posts/old-title/", "---", "Body"));

        Assert.Empty(result.Problems);
        Assert.Equal([new EarlierSlug("old-title", 4), new EarlierSlug("older-title", 5)], result.Document!.EarlierSlugs);
    }

    [Fact]
    public void Jekyll_redirect_from_may_be_one_path_and_adds_to_aliases()
    {
        var document = Import.Succeeds(Import.Lines("---", "title: T", "redirect_from: /blog/jekyll-old/", "aliases: [/a/hugo-old/]", "---", "Body"));

        Assert.Equal([new EarlierSlug("jekyll-old", 3), new EarlierSlug("hugo-old", 4)], document.EarlierSlugs);
    }

    [Fact]
    public void Toml_aliases_are_read_as_yaml_ones()
    {
        var document = Import.Succeeds(Import.Lines("+++", "title = \"T\"", "aliases = [\"/posts/舊文/\"]", "+++", "Body"));

        Assert.Equal(["舊文"], document.EarlierSlugs.Select(earlier => earlier.Slug));
    }

    [Fact]
    public void A_path_that_names_no_slug_is_ignored_with_a_warning_at_its_line()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines(
            "---", "title: T", "aliases:", "  - /posts/Old_Title/", "  - /posts/kept/", "  - {path: /x/}", "---", "Body"));

        Assert.True(result.Succeeded);
        Assert.Equal(["kept"], result.Document!.EarlierSlugs.Select(earlier => earlier.Slug));
        Assert.Equal([(ImportSeverity.Warning, 4), (ImportSeverity.Warning, 6)], result.Problems.Select(p => (p.Severity, p.Line)));
        Assert.Contains("'/posts/Old_Title/'", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_that_are_no_list_are_ignored_with_a_warning()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", "aliases: {old: /x/}", "---", "Body"));

        Assert.True(result.Succeeded);
        Assert.Empty(result.Document!.EarlierSlugs);
        Assert.Equal((ImportSeverity.Warning, 3), (result.Problems.Single().Severity, result.Problems.Single().Line));
    }

    /// <summary>Review: URLs, or paths parted by a space or a semicolon, in one text gave the last alone, without a word.</summary>
    [Theory]
    [InlineData("\"https://old.example.com/a/, https://old.example.com/b/\"")]
    [InlineData("/a/ /b/")]
    [InlineData("/a/;/b/")]
    public void Several_urls_in_one_text_are_told(string value)
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", "redirect_from: " + value, "---", "Body"));

        Assert.Empty(result.Document!.EarlierSlugs);
        Assert.Contains("several paths in one text", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    /// <summary>Review: a YAML null in the list became the earlier slug "null"; two paths in one text gave the last alone.</summary>
    [Fact]
    public void Null_entries_are_none_and_several_paths_in_one_text_are_told()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines(
            "---", "title: T", "aliases: [null, ~, /kept/]", "redirect_from: /a/, /b/", "---", "Body"));

        Assert.Equal([new EarlierSlug("kept", 3)], result.Document!.EarlierSlugs);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((ImportSeverity.Warning, 4), (warning.Severity, warning.Line));
        Assert.Contains("several paths in one text", warning.Message, StringComparison.Ordinal);
    }
}
