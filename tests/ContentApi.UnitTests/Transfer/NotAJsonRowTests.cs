using System.Text.Json;
using ContentApi.Transfer;

namespace ContentApi.UnitTests.Transfer;

/// <summary>
/// A cut-off row was refused as "articles.jsonl:451: not a JSON row (… LineNumber: 0 | BytePositionInLine: 302.)": the
/// reader's line 0 contradicted the file's line 451 (data-lifecycle review). The file's line, and the byte in it.
/// </summary>
public sealed class NotAJsonRowTests
{
    [Fact]
    public void A_cut_off_row_is_named_by_the_files_line_and_the_byte_in_it()
    {
        const string row = "{\"id\":1,\"title\":\"abc";
        var exception = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(row));

        var message = NotAJsonRow.Message("articles.jsonl", 451, exception);

        Assert.StartsWith($"articles.jsonl:451, byte {exception.BytePositionInLine + 1}: not a JSON row (", message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", message, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", message, StringComparison.Ordinal);
        Assert.EndsWith(")", message, StringComparison.Ordinal);
    }
}
