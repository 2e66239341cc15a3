using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// A control character in the body was told as "body: Must not contain control characters (such as NUL)." at the line
/// where the body starts, however far below it was, and without saying which: in 3,000 characters, where is an invisible
/// U+0007? The parser now names the character and its line.
/// </summary>
public sealed class BodyControlCharacterTests
{
    [Theory]
    [InlineData("\u0007", "U+0007", "\n")]
    [InlineData("\u001B", "U+001B", "\r\n")]
    [InlineData("\u007F", "U+007F", "\r")]
    [InlineData("\u0085", "U+0085", "\n")]
    public void Parse_names_a_control_character_in_the_body_and_its_line(string control, string named, string lineBreak)
    {
        var content = string.Join(lineBreak, "---", "title: T", "authors: [A]", "---", "", "Line one.", "", $"Line{control} two.", "");

        var problem = Import.FailsWith(content);

        Assert.Equal(8, problem.Line);
        Assert.Equal($"body: Must not contain control characters (such as NUL): {named} here.", problem.Message);
    }

    [Fact]
    public void Parse_takes_tabs_and_line_breaks_in_the_body()
    {
        var document = Import.Succeeds("---\ntitle: T\nauthors: [A]\n---\n\n\tcode\r\nline\rend\n");

        Assert.Equal("\tcode\r\nline\rend\n", document.BodyTemplate);
    }
}
