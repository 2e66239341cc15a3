using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>Hunt: a title or slug written blank was taken as missing without a word, and the title's warning said there was none.</summary>
public sealed class BlankFrontMatterTests
{
    [Theory]
    [InlineData("title: \"\"")]
    [InlineData("title: \"   \"")]
    public void A_blank_title_is_said_to_be_blank(string titleLine)
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", titleLine, "---", "First line", "", "Body"));

        Assert.Equal("First line", result.Document!.Title);
        Assert.Contains(result.Problems, p => p.Severity == ImportSeverity.Warning && p.Line == 2 && p.Message == "'title' is blank: it is taken as not given.");
        Assert.Contains(result.Problems, p => p.Message == "The front matter's title is blank and there is no heading: the first line is the title.");
        Assert.DoesNotContain(result.Problems, p => p.Message.StartsWith("No title in front matter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_blank_slug_is_said_to_be_blank()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: A", "slug: \" \"", "---", "Body"));

        Assert.Null(result.Document!.Slug);
        Assert.Contains(result.Problems, p => p.Severity == ImportSeverity.Warning && p.Line == 3 && p.Message == "'slug' is blank: it is taken as not given.");
    }
}
