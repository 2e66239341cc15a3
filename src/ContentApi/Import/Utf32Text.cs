using System.Buffers.Binary;
using System.Text;

namespace ContentApi.Import;

/// <summary>
/// UTF-32 after its byte-order mark, read strictly: .NET's decoder puts U+FFFD for a surrogate or a value past U+10FFFF,
/// where import refuses bytes that are no text at their line rather than store a character the file never held.
/// </summary>
internal static class Utf32Text
{
    /// <summary>The text, or null with the line (from 1) of the first unit that is no character (or of the bytes left at the end).</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, bool bigEndian, out int badLine)
    {
        var text = new StringBuilder(bytes.Length / 4);
        badLine = 1;
        for (var i = 0; i + 4 <= bytes.Length; i += 4)
        {
            var unit = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(i, 4)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(i, 4));
            if (unit > 0x10FFFF || !Rune.IsValid((int)unit))
            {
                return null;
            }
            text.Append(new Rune((int)unit));
            if (unit == '\n')
            {
                badLine++;
            }
        }
        return bytes.Length % 4 == 0 ? text.ToString() : null;
    }
}
