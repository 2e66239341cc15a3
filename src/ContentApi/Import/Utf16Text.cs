using System.Buffers.Binary;

namespace ContentApi.Import;

/// <summary>
/// UTF-16 after its byte-order mark, read strictly: .NET's decoders put U+FFFD for a lone surrogate or an odd byte at
/// the end, where import refuses bytes that are no text at their line rather than store a character the file never held.
/// </summary>
internal static class Utf16Text
{
    /// <summary>The text, or null with the line (from 1) of the first code unit that is not part of a character.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, bool bigEndian, out int badLine)
    {
        var units = new char[bytes.Length / 2];
        badLine = 1;
        for (var i = 0; i < units.Length; i++)
        {
            var pair = bytes.Slice(2 * i, 2);
            units[i] = (char)(bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(pair) : BinaryPrimitives.ReadUInt16LittleEndian(pair));
        }
        for (var i = 0; i < units.Length; i++)
        {
            if (char.IsHighSurrogate(units[i]) && i + 1 < units.Length && char.IsLowSurrogate(units[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(units[i]))
            {
                return null;
            }
            else if (units[i] == '\n')
            {
                badLine++;
            }
        }
        return bytes.Length % 2 == 0 ? new string(units) : null;
    }
}
