using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>Hunt: a tag or author entry written blank was dropped without a word, where a blank title or slug gets a warning at its line.</summary>
public sealed class BlankListEntryTests
{
    [Theory]
    [InlineData("tags: [\"\"]", "tags")]
    [InlineData("tags: [a, \"   \"]", "tags")]
    [InlineData("authors: [\"  \", J]", "authors")]
    [InlineData("categories: [[Diary, \"\"]]", "categories")]
    public void A_blank_entry_is_left_out_with_a_warning_at_its_line(string line, string key)
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", line, "---", "Body."));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var warning = Assert.Single(result.Problems);
        Assert.Equal((3, ImportSeverity.Warning, $"An entry of '{key}' is blank: it is left out."), (warning.Line, warning.Severity, warning.Message));
        Assert.DoesNotContain("", result.Document!.Tags.Names().Concat(result.Document.Authors.Names()).Select(name => name.Trim()));
    }

    [Fact]
    public void An_empty_item_of_a_block_list_is_left_out_with_a_warning_at_its_line()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", "tags:", "  - a", "  -", "  - b", "---", "Body."));

        Assert.Equal(["a", "b"], result.Document!.Tags.Names());
        var warning = Assert.Single(result.Problems);
        Assert.Equal((5, ImportSeverity.Warning, "An entry of 'tags' is blank: it is left out."), (warning.Line, warning.Severity, warning.Message));
    }
}
