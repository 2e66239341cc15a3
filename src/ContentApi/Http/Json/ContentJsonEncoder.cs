using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace ContentApi.Http.Json;

/// <summary>
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (quotes, backslashes and control characters escaped, text
/// as-is), except that it also leaves characters beyond the Basic Multilingual Plane alone: emoji and the CJK
/// extension ideographs of names (𠮷, 𨋢) would otherwise become surrogate-pair escapes ("\uD842\uDFB7"), which no
/// setting of the built-in encoders avoids. Safe for JSON served as <c>application/json</c>, not for embedding in HTML.
/// Every member hands the text between supplementary characters to the relaxed encoder, whose vectorised code then does
/// the work (TextEncoder's own Encode, which would otherwise run after the first escape, is several times slower).
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

    public override OperationStatus Encode(ReadOnlySpan<char> source, Span<char> destination, out int charsConsumed, out int charsWritten, bool isFinalBlock = true)
    {
        (charsConsumed, charsWritten) = (0, 0);
        while (true)
        {
            var rest = source[charsConsumed..];
            var pair = NextSurrogatePair(rest);
            var status = Relaxed.Encode(pair < 0 ? rest : rest[..pair], destination[charsWritten..], out var consumed, out var written, isFinalBlock || pair >= 0);
            (charsConsumed, charsWritten) = (charsConsumed + consumed, charsWritten + written);
            if (status != OperationStatus.Done || pair < 0)
            {
                return status;
            }
            if (!rest.Slice(pair, 2).TryCopyTo(destination[charsWritten..]))
            {
                return OperationStatus.DestinationTooSmall;
            }
            (charsConsumed, charsWritten) = (charsConsumed + 2, charsWritten + 2);
        }
    }

    public override OperationStatus EncodeUtf8(ReadOnlySpan<byte> utf8Source, Span<byte> utf8Destination, out int bytesConsumed, out int bytesWritten, bool isFinalBlock = true)
    {
        (bytesConsumed, bytesWritten) = (0, 0);
        while (true)
        {
            var rest = utf8Source[bytesConsumed..];
            var at = NextFourByteSequence(rest);
            var status = Relaxed.EncodeUtf8(at < 0 ? rest : rest[..at], utf8Destination[bytesWritten..], out var consumed, out var written, isFinalBlock || at >= 0);
            (bytesConsumed, bytesWritten) = (bytesConsumed + consumed, bytesWritten + written);
            if (status != OperationStatus.Done || at < 0)
            {
                return status;
            }
            if (!rest.Slice(at, 4).TryCopyTo(utf8Destination[bytesWritten..]))
            {
                return OperationStatus.DestinationTooSmall;
            }
            (bytesConsumed, bytesWritten) = (bytesConsumed + 4, bytesWritten + 4);
        }
    }

    /// <summary>Where the first well-formed surrogate pair starts, or -1.</summary>
    private static int NextSurrogatePair(ReadOnlySpan<char> text)
    {
        for (var from = 0; ;)
        {
            var high = text[from..].IndexOfAnyInRange('\uD800', '\uDBFF');
            if (high < 0)
            {
                return -1;
            }
            high += from;
            if (high + 1 < text.Length && char.IsLowSurrogate(text[high + 1]))
            {
                return high;
            }
            from = high + 1;
        }
    }

    /// <summary>Where the first well-formed four-byte UTF-8 sequence (a supplementary character) starts, or -1.</summary>
    private static int NextFourByteSequence(ReadOnlySpan<byte> utf8Text)
    {
        for (var from = 0; ;)
        {
            var lead = utf8Text[from..].IndexOfAnyInRange((byte)0xF0, (byte)0xF4);
            if (lead < 0)
            {
                return -1;
            }
            lead += from;
            if (Rune.DecodeFromUtf8(utf8Text[lead..], out _, out var length) == OperationStatus.Done && length == 4)
            {
                return lead;
            }
            from = lead + 1;
        }
    }
}
