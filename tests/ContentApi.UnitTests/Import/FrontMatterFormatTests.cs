using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>What the parser says about front matter it cannot read.</summary>
public sealed class FrontMatterFormatTests
{
    [Fact]
    public void Parse_yaml_error_is_not_followed_by_a_guessed_title()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: [unclosed", "---", "First line of the body."));

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("Front matter is not valid YAML", problem.Message, StringComparison.Ordinal);
    }
}
