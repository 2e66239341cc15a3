using System.Text.Json;

namespace ContentApi.Transfer;

/// <summary>An export file's lines, read as strict UTF-8 and within a length, and its rows parsed from them.</summary>
internal static class JsonlLines
{
    /// <summary>A row's member name, which can hold an escaped lone surrogate too (<see cref="ImportedValue.LoneSurrogate"/>).</summary>
    internal static string NameOf(JsonProperty property, string path, int lineNumber)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: a member's name {ImportedValue.LoneSurrogate}", exception);
        }
    }

    internal static JsonDocument Parse(string line, string path, int lineNumber)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(NotAJsonRow.Message(path, lineNumber, exception));
        }
    }

    /// <summary>The line of the file's first bytes that are not UTF-8 (after a byte-order mark), read in pieces: an export can be large.</summary>
    internal static long LineNotUtf8(string path)
    {
        using var stream = ExportFiles.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length];
        var (pending, line, first) = (0, 1L, true);
        while (true)
        {
            var read = stream.Read(buffer, pending, buffer.Length - pending);
            var length = pending + read;
            var start = first && buffer.AsSpan(0, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            first = false;
            var status = System.Text.Unicode.Utf8.ToUtf16(buffer.AsSpan(start, length - start), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
            line += buffer.AsSpan(start, consumed).Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData || read == 0)
            {
                return line;
            }
            // What is left is the start of a character cut by the read: it is read again with the next piece.
            pending = length - start - consumed;
            buffer.AsSpan(start + consumed, pending).CopyTo(buffer);
        }
    }

    /// <summary>
    /// The longest line read, in characters: an article's row, with a body of 500,000 characters each written as an
    /// escaped surrogate pair (12 characters), is under 6.5 million. Read whole, a line of gigabytes (an export edited, or
    /// a file that is not one) took the memory of the machine before anything could refuse it.
    /// </summary>
    public const int MaxLineCharacters = 16 * 1024 * 1024;

    /// <summary>
    /// The file's lines (ended by LF, CR or CRLF, as <see cref="TextReader.ReadLine"/> ends them), read as strict UTF-8: a
    /// byte that is not UTF-8 is an error, not a U+FFFD in the data; a line past <paramref name="maxLineCharacters"/> is an
    /// error at its line, found before it is held whole.
    /// </summary>
    internal static IEnumerable<string> Lines(string path, int maxLineCharacters = MaxLineCharacters)
    {
        using var reader = new StreamReader(ExportFiles.OpenRead(path), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var buffer = new char[64 * 1024];
        var line = new System.Text.StringBuilder();
        var (lineNumber, afterCarriageReturn) = (1L, false);
        int read;
        while ((read = Read(reader, buffer, path)) > 0)
        {
            var start = 0;
            if (afterCarriageReturn && buffer[0] == '\n')
            {
                start = 1; // the LF of a CRLF that a read cut in two
            }
            afterCarriageReturn = false;
            while (start < read)
            {
                var end = buffer.AsSpan(start, read - start).IndexOfAny('\r', '\n');
                var length = end < 0 ? read - start : end;
                if (line.Length + length > maxLineCharacters)
                {
                    throw new InvalidDataException(
                        $"{path}:{lineNumber}: the line is longer than {maxLineCharacters:N0} characters, which no row of an export is (an article's body is at most {Articles.ArticleRequestValidator.MaxBodyLength:N0} characters).");
                }
                line.Append(buffer, start, length);
                if (end < 0)
                {
                    break;
                }
                var breakAt = start + end;
                start = breakAt + 1;
                if (buffer[breakAt] == '\r')
                {
                    if (start < read && buffer[start] == '\n')
                    {
                        start++;
                    }
                    else if (start == read)
                    {
                        afterCarriageReturn = true;
                    }
                }
                yield return line.ToString();
                line.Clear();
                lineNumber++;
            }
        }
        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    internal static int Read(StreamReader reader, char[] buffer, string path)
    {
        try
        {
            return reader.Read(buffer, 0, buffer.Length);
        }
        catch (System.Text.DecoderFallbackException)
        {
            // The reader decodes ahead of the line it returns: the line is found in the bytes.
            throw new InvalidDataException($"{path}:{LineNotUtf8(path)}: not UTF-8 (save the file as UTF-8).");
        }
    }
}
