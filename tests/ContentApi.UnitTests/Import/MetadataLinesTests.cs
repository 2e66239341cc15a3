using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Pelican writes a post's metadata as <c>Key: value</c> lines at its top, without <c>---</c>: a migration trial found
/// the title <c>Title: My super title</c>, the metadata lines kept as the body and its excerpt, and no tags or date.
/// </summary>
public sealed class MetadataLinesTests
{
    private static ImportResult Parse(params string[] lines) => MarkdownImportParser.Parse(Import.File, Import.Lines(lines));

    [Fact]
    public void Pelicans_metadata_lines_are_the_front_matter()
    {
        var result = Parse(
            "Title: My super title", "Date: 2010-12-03 10:20", "Modified: 2010-12-05 19:30", "Category: Python", "Tags: pelican, publishing",
            "Slug: my-super-post", "Authors: Alexis Métaireau, Conan Doyle", "Summary: Short version for index and feeds", "Lang: fr", "",
            "This is the content of my super blog post.");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var document = result.Document!;
        Assert.Equal(("My super title", "my-super-post", "Short version for index and feeds", "fr"), (document.Title, document.Slug, document.Excerpt, document.Language));
        Assert.Equal(new DateTimeOffset(2010, 12, 3, 10, 20, 0, TimeSpan.Zero), document.PublishedAt);
        Assert.Equal(["pelican", "publishing", "Python"], document.Tags.Names());
        Assert.Equal(["Alexis Métaireau", "Conan Doyle"], document.Authors.Names());
        Assert.Equal("This is the content of my super blog post.\n", document.BodyTemplate);
        Assert.Equal([(2, ImportSeverity.Warning), (3, ImportSeverity.Warning)], result.Problems.Select(p => (p.Line, p.Severity)));
    }

    [Fact]
    public void A_line_indented_four_spaces_goes_on_the_value_above_and_problems_keep_their_lines()
    {
        var result = Parse("Title: A long", "    title", "Date: someday", "", "Body");

        Assert.Equal("Unsupported date format 'someday'; use", Assert.Single(result.Problems).Message[..38]);
        Assert.Equal(3, result.Problems[0].Line);
        var titled = Parse("Title: A long", "    title", "Date: 2010-12-03", "", "Body");
        Assert.Equal("A long title", titled.Document!.Title);
    }

    [Fact]
    public void Status_hidden_is_a_draft_with_a_warning()
    {
        var result = Parse("Title: T", "Authors: J", "Date: 2010-12-03", "Status: hidden", "", "Body");

        Assert.Equal("draft", result.Document!.Status);
        Assert.Contains(result.Problems, p => p.Line == 4 && p.Message.StartsWith("'status: hidden': imported as a draft", StringComparison.Ordinal));
    }

    /// <summary>A key given twice failed the file with "Front matter is not valid YAML: Duplicate key" (fuzz, stop 56), a YAML rule the file does not follow; Pelican keeps the first.</summary>
    [Fact]
    public void A_key_given_again_is_ignored_with_a_warning_and_the_first_is_kept()
    {
        var result = Parse("Title: one", "Tags: a, b", "title: two", "Date: 2010-12-03", "Tags: c", "", "Body");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal("one", result.Document!.Title);
        Assert.Equal(["a", "b"], result.Document.Tags.Names());
        Assert.Equal(new DateTimeOffset(2010, 12, 3, 0, 0, 0, TimeSpan.Zero), result.Document.PublishedAt);
        Assert.Equal(
            [(3, "'title' ignored: given on an earlier line, which is kept."), (5, "'Tags' ignored: given on an earlier line, which is kept.")],
            result.Problems.Select(p => (p.Line, p.Message)));
    }

    /// <summary>Review: as Python-Markdown (Pelican's reader) reads them, the first line that is no key line starts the body.</summary>
    [Theory]
    [InlineData("# Heading")]
    [InlineData("\tindented with a tab")]
    [InlineData("not a key line")]
    public void The_first_other_line_starts_the_body(string line)
    {
        var result = Parse("Title: T", "Authors: J", line, "", "Body");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(("T", $"{line}\n\nBody\n"), (result.Document!.Title, result.Document.BodyTemplate));
    }

    [Theory]
    [InlineData("Note: this is a paragraph", "", "Body")]
    [InlineData("# Heading", "", "Title: T")]
    public void Lines_that_are_not_such_metadata_with_a_title_are_the_body(params string[] lines)
    {
        var document = Parse(lines).Document!;
        Assert.Contains(lines[0].TrimStart('#', ' '), document.Title + "\n" + document.BodyTemplate, StringComparison.Ordinal);
        Assert.Contains(lines[^1], document.BodyTemplate, StringComparison.Ordinal);
    }

    /// <summary>Fuzz: a line separator in a value broke the YAML it is read as, and a NUL ended it, each with a message about YAML the file does not have.</summary>
    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u0085")]
    [InlineData("\0")]
    public void A_control_character_or_line_separator_in_a_value_reaches_the_rules_as_written(string character)
    {
        var result = Parse($"Title: A{character}B", "Authors: J", "", "Body");

        Assert.DoesNotContain(result.Problems, p => p.Message.Contains("YAML", StringComparison.Ordinal));
        Assert.Equal($"A{character}B", result.Document?.Title ?? $"A{character}B");
    }
}
