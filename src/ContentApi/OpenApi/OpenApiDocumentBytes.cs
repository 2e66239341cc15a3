using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContentApi.OpenApi;

/// <summary>
/// The bytes the document is served as, and committed as (<c>openapi/v1.json</c>): clients compare their hashes, so
/// they must not depend on the writer's spacing (Microsoft.OpenApi writes an empty array as <c>[ ]</c>) or on the
/// server's platform (its line breaks are the platform's).
/// </summary>
public static class OpenApiDocumentBytes
{
    private static readonly JsonSerializerOptions Layout = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        // Descriptions hold CJK, quotes and backticks: written as they are, the file reads as the text it documents.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document written by Swashbuckle, laid out in two-space indents with LF line breaks and a final one.</summary>
    public static byte[] Canonical(ReadOnlySpan<byte> written) =>
        [.. JsonSerializer.SerializeToUtf8Bytes(JsonNode.Parse(written), Layout), (byte)'\n'];
}
