using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace ContentApi.Http;

/// <summary>
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (quotes, backslashes and control characters escaped, text
/// as-is), except that it also leaves characters beyond the Basic Multilingual Plane alone: emoji and the CJK
/// extension ideographs of names (𠮷, 𨋢) would otherwise become surrogate-pair escapes ("\uD842\uDFB7"), which no
/// setting of the built-in encoders avoids. Safe for JSON served as <c>application/json</c>, not for embedding in HTML.
/// </summary>
public sealed class ContentJsonEncoder : JavaScriptEncoder
{
    private static readonly JavaScriptEncoder Relaxed = UnsafeRelaxedJsonEscaping;

    public static ContentJsonEncoder Instance { get; } = new();

    private ContentJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => Relaxed.MaxOutputCharactersPerInputCharacter;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar <= char.MaxValue && Relaxed.WillEncode(unicodeScalar);

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten) =>
        Relaxed.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);

    /// <summary>The relaxed encoder's (vectorised) search, resumed past each well-formed supplementary character it stops at.</summary>
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var offset = 0;
        while (true)
        {
            var found = Relaxed.FindFirstCharacterToEncode(text + offset, textLength - offset);
            if (found < 0)
            {
                return -1;
            }
            offset += found;
            if (Rune.DecodeFromUtf16(new ReadOnlySpan<char>(text + offset, textLength - offset), out var rune, out var consumed) != OperationStatus.Done
                || rune.IsBmp)
            {
                return offset;
            }
            offset += consumed;
        }
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var offset = 0;
        while (true)
        {
            var found = Relaxed.FindFirstCharacterToEncodeUtf8(utf8Text[offset..]);
            if (found < 0)
            {
                return -1;
            }
            offset += found;
            if (Rune.DecodeFromUtf8(utf8Text[offset..], out var rune, out var consumed) != OperationStatus.Done || rune.IsBmp)
            {
                return offset;
            }
            offset += consumed;
        }
    }
}
