using System.Text;
using System.Text.Unicode;

namespace ContentApi.Http;

/// <summary>
/// Query values whose percent-encoded bytes do not spell UTF-8. ASP.NET keeps such an escape as it was written, so
/// <c>q=%FF</c> searched for the text "%FF" (and found "FF") and <c>tag=%FF</c> answered an empty list, where a body
/// that is not UTF-8 is a 400.
/// </summary>
public static class QueryUtf8
{
    public const string Message = "Must be UTF-8 text: its percent-encoded bytes are not.";

    /// <summary>The names of the parameters in <paramref name="rawQuery"/> (as sent, with or without "?") whose name or value is not UTF-8.</summary>
    public static IReadOnlyList<string> ParametersNotUtf8(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery) || !rawQuery.Contains('%'))
        {
            return [];
        }
        var names = new List<string>();
        foreach (var pair in rawQuery.TrimStart('?').Split('&'))
        {
            if (!SpellsUtf8(pair))
            {
                var equals = pair.IndexOf('=');
                names.Add(Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' ')));
            }
        }
        return names;
    }

    private static bool SpellsUtf8(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        Span<byte> scratch = stackalloc byte[4];
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length && Uri.IsHexDigit(encoded[i + 1]) && Uri.IsHexDigit(encoded[i + 2]))
            {
                bytes.Add((byte)((Uri.FromHex(encoded[i + 1]) << 4) | Uri.FromHex(encoded[i + 2])));
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                // Text the server has already decoded: kept as the UTF-8 it stands for (a lone surrogate is not).
                var length = Rune.TryGetRuneAt(encoded, i, out var rune) ? rune.EncodeToUtf8(scratch) : 0;
                if (length == 0)
                {
                    return false;
                }
                bytes.AddRange(scratch[..length]);
                i += rune.Utf16SequenceLength - 1;
            }
        }
        return Utf8.IsValid(bytes.ToArray());
    }
}
