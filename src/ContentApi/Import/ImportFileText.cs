using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ContentApi.Import;

/// <summary>
/// The text of a file to import, exactly as written: UTF-8 (a byte-order mark is skipped), or UTF-16 or UTF-32 with its mark.
/// Bytes that are not UTF-8 (or not UTF-16 or UTF-32, after its mark) are an error at their line, not text replaced by U+FFFD; a file that cannot be read is
/// an error for that file, and the import goes on with the next.
/// </summary>
internal static class ImportFileText
{
    /// <summary>
    /// The largest file read, in bytes: a body of 500,000 characters takes at most 2 MB of UTF-8, and the front matter
    /// little more. A 153 MB file was parsed whole before its body was found too long, taking 4 GB of memory.
    /// </summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>The text, or (when it is null) the problem that stands in for it.</summary>
    public static async Task<(string? Text, ImportProblem? Problem)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            // Not opened when empty: opening a named pipe (or a device) waits for a writer, for ever, and no stop signal
            // ends that wait; such files, like empty ones, report no length.
            var file = new FileInfo(path);
            var length = (file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file).Length; // a link's own length is its target's name's
            if (length == 0)
            {
                return (null, new ImportProblem(path, 1, "The file is empty, or is not a regular file (a named pipe or a device), which import does not read."));
            }
            if (length > MaxBytes)
            {
                return (null, new ImportProblem(path, 1, $"The file has {length:N0} bytes; import reads files of at most {MaxBytes:N0} (an article's body is at most 500,000 characters)."));
            }
            await using var stream = File.OpenRead(path);
            if (await ReadAtMostAsync(stream, MaxBytes, cancellationToken) is not { } read)
            {
                return (null, new ImportProblem(path, 1, $"The file grew past {MaxBytes:N0} bytes while it was read; import reads files of at most that."));
            }
            bytes = read;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, new ImportProblem(path, 1, $"The file cannot be read: {(NonUtf8Name.Is(path) ? NonUtf8Name.Why + "." : exception.Message)}"));
        }
        return Decode(path, bytes);
    }

    /// <summary>
    /// The stream's bytes, or null when it holds more than <paramref name="maxBytes"/>: a file can grow after its length
    /// was checked, and reading it whole took what the check was there to keep.
    /// </summary>
    internal static async Task<byte[]?> ReadAtMostAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int count;
        while ((count = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + count > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, count);
        }
        return buffer.ToArray();
    }

    private static (string? Text, ImportProblem? Problem) Decode(string path, byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, 0, 0, ..] && !IsUtf32(bytes.AsSpan(4), bigEndian: false) && IsUtf16WithoutNul(bytes.AsSpan(4)))
        {
            return (null, new ImportProblem(path, 1,
                "The file starts with a NUL character (U+0000) after its UTF-16 byte-order mark (FF FE 00 00, which also marks UTF-32): remove it."));
        }
        if (bytes is [0xFF, 0xFE, 0, 0, ..] or [0, 0, 0xFE, 0xFF, ..])
        {
            return DecodeStrictly(path, bytes.AsSpan(4), new UTF32Encoding(bigEndian: bytes[0] == 0, byteOrderMark: false, throwOnInvalidCharacters: true),
                "The file is not valid UTF-32 here (a surrogate, a value past U+10FFFF, or bytes left at its end): save it as UTF-8.");
        }
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return DecodeStrictly(path, bytes.AsSpan(2), new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true),
                "The file is not valid UTF-16 here (a lone surrogate, or an odd byte at its end): save it as UTF-8.");
        }
        var utf8 = bytes.AsSpan(bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0);
        if (utf8.IndexOf((byte)0) is var nul and >= 0)
        {
            // Valid UTF-8, but no text the API stores: UTF-16 without its mark (ASCII then reads as letters between NULs,
            // whose front matter and title no reader found).
            return (null, new ImportProblem(path, LineBreaks.LineAtEnd(utf8[..nul]),
                "The file holds a NUL byte here, which no text has (a file saved as UTF-16 without its byte-order mark reads so): save it as UTF-8."));
        }
        var chars = new char[utf8.Length];
        if (Utf8.ToUtf16(utf8, chars, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            var line = LineBreaks.LineAtEnd(utf8[..read]);
            return (null, new ImportProblem(path, line, Utf16WithoutMark.ReadsAsCjkText(utf8)
                ? "The file is not valid UTF-8 here, and its bytes read as UTF-16 text: it may be UTF-16 saved without its byte-order mark, which import does not guess. Save it as UTF-8."
                : "The file is not valid UTF-8 here (save it as UTF-8)."));
        }
        return (new string(chars, 0, written), null);
    }

    /// <summary>Whether the bytes are strict UTF-32.</summary>
    private static bool IsUtf32(ReadOnlySpan<byte> bytes, bool bigEndian) => IsStrictly(bytes, new UTF32Encoding(bigEndian, byteOrderMark: false, throwOnInvalidCharacters: true));

    /// <summary>
    /// Whether the bytes are strict UTF-16 LE without a NUL: what follows FF FE 00 00 in a UTF-16 file whose first character is U+0000
    /// (UTF-32 of characters up to U+FFFF has every other unit U+0000).
    /// </summary>
    private static bool IsUtf16WithoutNul(ReadOnlySpan<byte> bytes) =>
        IsStrictly(bytes, new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)) && !HasNulUnit(bytes);

    private static bool HasNulUnit(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            if (bytes[i] == 0 && bytes[i + 1] == 0)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsStrictly(ReadOnlySpan<byte> bytes, Encoding strict)
    {
        try
        {
            strict.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// UTF-16 or UTF-32 after its mark, by an encoding that throws where .NET's usual one puts U+FFFD (a lone surrogate, a
    /// value past U+10FFFF, bytes left at the end): import refuses bytes that are no text rather than store a character the file never held.
    /// </summary>
    private static (string? Text, ImportProblem? Problem) DecodeStrictly(string path, ReadOnlySpan<byte> bytes, Encoding strict, string message)
    {
        string text;
        try
        {
            text = strict.GetString(bytes);
        }
        catch (DecoderFallbackException invalid)
        {
            // Index is where the decoder stood, not always where the bad bytes start (after a lone high surrogate, at the
            // next unit); read with U+FFFD for bad bytes, the bytes before it hold just the newlines before the error.
            var line = LineBreaks.LineAtEnd(Encoding.GetEncoding(strict.CodePage).GetString(bytes[..invalid.Index]));
            return (null, new ImportProblem(path, line, message));
        }
        // No text field stores one, and in the front matter YAML told it as a missing key.
        return text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0
            ? (null, new ImportProblem(path, LineBreaks.LineAtEnd(text.AsSpan(0, nul)), "The file holds a NUL character (U+0000) here, which no text has: remove it."))
            : (text, null);
    }
}
