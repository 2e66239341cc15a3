namespace ContentApi.Import;

/// <summary>
/// The lines of a text as offsets, so that pieces can be cut out without touching the rest: each line keeps its own
/// terminator (<c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, as Markdig counts them).
/// </summary>
internal sealed class TextLines
{
    private readonly string _text;
    private readonly List<int> _starts = [];
    private readonly List<int> _contentEnds = [];

    public TextLines(string text)
    {
        _text = text;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            if (end < 0)
            {
                Add(start, text.Length);
                return;
            }
            end += start;
            Add(start, end);
            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }
    }

    public int Count => _starts.Count;

    /// <summary>Where line <paramref name="index"/> (0-based) starts.</summary>
    public int Start(int index) => _starts[index];

    /// <summary>Where the line ends, terminator included.</summary>
    public int End(int index) => index + 1 < _starts.Count ? _starts[index + 1] : _text.Length;

    /// <summary>The line without its terminator.</summary>
    public ReadOnlySpan<char> Content(int index) => _text.AsSpan(_starts[index], _contentEnds[index] - _starts[index]);

    public string Trimmed(int index) => Content(index).Trim().ToString();

    /// <summary>Where the line's text is, without the white space around it.</summary>
    public (int Start, int Length) TrimmedSpan(int index)
    {
        var content = Content(index);
        return (_starts[index] + (content.Length - content.TrimStart().Length), content.Trim().Length);
    }

    public bool IsBlank(int index) => Content(index).IsWhiteSpace();

    /// <summary>The line holding the character at <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var found = _starts.BinarySearch(offset);
        return found >= 0 ? found : ~found - 1;
    }

    private void Add(int start, int contentEnd)
    {
        _starts.Add(start);
        _contentEnds.Add(contentEnd);
    }
}
