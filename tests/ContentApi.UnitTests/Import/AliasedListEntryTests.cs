using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Hunt: an entry that is wrong (a list where a name goes) repeated by alias was told once per alias, every time at the
/// anchor's line, which an alias resolves to; it is told once.
/// </summary>
public sealed class AliasedListEntryTests
{
    [Theory]
    [InlineData("tags: [&a [x, y], *a, *a]")]
    [InlineData("authors: [&m {title: Editor}, *m, *m]")]
    [InlineData("imageIds: [&a [1], *a, *a]")]
    public void A_wrong_entry_repeated_by_alias_is_one_error(string line)
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", line, "---", "Body."));

        Assert.False(result.Succeeded);
        Assert.Equal(3, Assert.Single(result.Problems, p => p.Severity == ImportSeverity.Error).Line);
    }

    [Fact]
    public void An_earlier_url_repeated_by_alias_that_names_no_post_is_one_warning()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", "authors: J", "aliases: [&p /page/2/, *p, *p]", "---", "Body."));

        Assert.Equal(4, Assert.Single(result.Problems).Line);
    }
}
