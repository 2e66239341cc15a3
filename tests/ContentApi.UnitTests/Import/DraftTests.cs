using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>Hugo's and Jekyll's <c>draft</c> key against <c>status</c> and <c>publishedAt</c>.</summary>
public sealed class DraftTests
{
    [Fact]
    public void Parse_draft_true_with_a_date_is_a_draft_whose_date_is_dropped_with_a_warning()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: Embargoed", "publishedAt: 2030-01-01T00:00:00Z", "draft: true", "---", "Body"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal("draft", result.Document!.Status);
        Assert.Null(result.Document.PublishedAt);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((3, ImportSeverity.Warning), (warning.Line, warning.Severity));
        Assert.Contains("'publishedAt' dropped", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_status_draft_with_a_date_drops_the_date_with_a_warning()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", "status: draft", "publishedAt: 2024-01-01", "---", "Body"));

        Assert.Null(result.Document!.PublishedAt);
        Assert.Contains(result.Problems, p => p.Severity == ImportSeverity.Warning && p.Line == 4 && p.Message.Contains("dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_draft_false_says_no_more_than_not_a_draft()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", "draft: false", "publishedAt: 2024-01-01", "---", "Body"));

        Assert.Empty(result.Problems);
        Assert.Null(result.Document!.Status);
        Assert.NotNull(result.Document.PublishedAt);
    }

    [Fact]
    public void Parse_draft_false_without_a_date_says_it_is_imported_as_a_draft()
    {
        // A post that says 'draft: false' and gives no date was made a draft without a word (review).
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", "draft: false", "---", "Body"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Null(result.Document!.Status);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((3, ImportSeverity.Warning), (warning.Line, warning.Severity));
        Assert.Contains("imported as a draft", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", "published")]
    [InlineData("false", "draft")]
    public void Parse_draft_contradicting_status_fails_at_the_draft_line(string draft, string status)
    {
        var problem = Import.FailsWith(Import.Lines("---", "title: T", "status: " + status, "draft: " + draft, "---", "Body"));

        Assert.Equal(4, problem.Line);
        Assert.Contains($"contradicts 'status: {status}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_draft_agreeing_with_status_is_accepted() =>
        Assert.Equal("draft", Import.Succeeds(Import.Lines("---", "title: T", "status: draft", "draft: true", "---", "Body")).Status);

    [Fact]
    public void Parse_draft_that_is_not_true_or_false_fails() =>
        Assert.Contains("'draft' must be true or false", Import.FailsWith(Import.Lines("---", "title: T", "draft: maybe", "---", "Body")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("date: 2024-05-01T10:00:00+08:00", "2024-05-01T02:00:00Z")]
    [InlineData("date: 2024-05-01", "2024-05-01T00:00:00Z")]
    [InlineData("date: 2024-05-01 10:00:00 +0800", "2024-05-01T02:00:00Z")] // Jekyll's and many Hugo sites' spelling
    [InlineData("date: \"2024-05-01 10:00:00 +08:00\"", "2024-05-01T02:00:00Z")]
    public void Parse_hugo_and_jekyll_date_is_the_publication_date(string line, string utc)
    {
        // Every Hugo or Jekyll post gives 'date', never 'publishedAt': all were imported as undated drafts (probe).
        var document = Import.Succeeds(Import.Lines("---", "title: T", line, "draft: false", "---", "Body"));

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), document.PublishedAt);
    }

    [Fact]
    public void Parse_publishedAt_wins_over_date() =>
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Import.Succeeds(Import.Lines("---", "title: T", "publishedAt: 2025-01-01", "date: 2024-05-01", "---", "Body")).PublishedAt);

    [Fact]
    public void Parse_draft_with_a_date_drops_it_at_its_line() =>
        Assert.Contains(MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", "draft: true", "date: 2024-05-01", "---", "Body")).Problems,
            p => p.Line == 4 && p.Severity == ImportSeverity.Warning && p.Message.Contains("dropped", StringComparison.Ordinal));

    [Fact]
    public void Parse_date_in_another_format_fails_at_its_line()
    {
        var problem = Import.FailsWith(Import.Lines("---", "title: T", "date: 1.5.2024", "---", "Body"));
        Assert.Equal(3, problem.Line);
        Assert.Contains("Unsupported date format", problem.Message, StringComparison.Ordinal);
    }
}
