using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// A note, a comma and a credit name a source ("示意圖，取自網路"), and the notes were read one at a time, each by a call
/// inside the last: a line of notes as long as a body may be overflowed the stack, which ends the process (the server on a
/// write or a format=html read, the import command), as no exception handler can catch it.
/// </summary>
public sealed class RepeatedFigureNoteTests
{
    private static readonly string Notes = string.Concat(Enumerable.Repeat("示意圖，", 50_000));

    private static readonly InlineImage Image = new(12, "https://cdn.example.com/a.jpg", "發布會", null, "圖源:ifanr", 1200, 800);

    [Fact]
    public void A_line_of_notes_under_a_marked_caption_renders_as_text()
    {
        var markdown = $"![](image:12)\n▲說明\n▲{Notes}\n\n正文。";

        var body = SafeHtml.Parse(MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage> { [12] = Image }).Html);

        Assert.Contains(Notes, body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_of_notes_after_a_caption_paragraph_imports_as_body()
    {
        var result = Import.Import.Body("![Alt](https://images.example.com/a.jpg)", "", "說明", "", Notes, "", "Next.");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Contains($"\n{Notes}\n", result.Document!.BodyTemplate, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("示意圖，資料照，翻攝自臉書")]
    [InlineData("（示意圖，資料照，取自網路）")]
    public void Several_notes_and_a_credit_name_a_source(string label) => Assert.True(FigureLabels.NamesSource(label));
}
