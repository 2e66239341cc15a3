using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>What the parser says about front matter it cannot read.</summary>
public sealed class FrontMatterFormatTests
{
    [Fact]
    public void Parse_toml_front_matter_is_refused_as_not_yaml()
    {
        var problem = Import.FailsWith(Import.Lines("+++", "title = \"Hugo post\"", "draft = false", "+++", "", "Body"));

        Assert.Equal((Import.File, 1), (problem.File, problem.Line));
        Assert.Contains("TOML", problem.Message, StringComparison.Ordinal);
        Assert.Contains("only YAML front matter", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_yaml_error_is_not_followed_by_a_guessed_title()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: [unclosed", "---", "First line of the body."));

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("Front matter is not valid YAML", problem.Message, StringComparison.Ordinal);
    }
}
