using System.Globalization;
using System.Text;
using ContentApi.Text;

namespace ContentApi.Search;

/// <summary>Where a snippet may start and end: at grapheme cluster boundaries, preferably sentence or word ones.</summary>
internal sealed class SnippetCuts
{
    private readonly string _text;
    private readonly bool[] _isCluster;

    public SnippetCuts(string text)
    {
        _text = text;
        _isCluster = new bool[text.Length + 1];
        for (var i = 0; i < text.Length; i += Graphemes.LengthAt(text, i))
        {
            _isCluster[i] = true;
        }
        _isCluster[text.Length] = true;
    }

    /// <summary>The start of the match's sentence if it is within <paramref name="lead"/>, else a word boundary about that far back.</summary>
    public int ChooseStart(int anchor, int lead)
    {
        if (anchor <= lead)
        {
            return 0;
        }
        var earliest = anchor - lead;
        for (var p = anchor; p >= earliest; p--)
        {
            if (IsSentenceBoundary(p))
            {
                return p;
            }
        }
        for (var p = earliest; p < anchor; p++)
        {
            if (IsWordBoundary(p))
            {
                return p;
            }
        }
        return anchor;
    }

    /// <summary>Moves <paramref name="start"/> back towards <paramref name="earliest"/>, to the earliest sentence start, else word boundary.</summary>
    public int Extend(int start, int earliest)
    {
        for (var p = earliest; p < start; p++)
        {
            if (IsSentenceBoundary(p))
            {
                return p;
            }
        }
        for (var p = earliest; p < start; p++)
        {
            if (IsWordBoundary(p))
            {
                return p;
            }
        }
        return start;
    }

    /// <summary>At most <paramref name="maxLength"/> after <paramref name="start"/>, at a sentence end in the last third, else a word boundary in the last half.</summary>
    public int ChooseEnd(int start, int maxLength)
    {
        var limit = start + maxLength;
        if (limit >= _text.Length)
        {
            return _text.Length;
        }
        for (var p = limit; p > start + maxLength * 2 / 3; p--)
        {
            if (IsSentenceBoundary(p))
            {
                return p;
            }
        }
        for (var p = limit; p > start + maxLength / 2; p--)
        {
            if (IsWordBoundary(p))
            {
                return p;
            }
        }
        var end = limit;
        while (end > start + 1 && !_isCluster[end])
        {
            end--;
        }
        return end;
    }

    private bool IsSentenceBoundary(int p)
    {
        if (p == 0)
        {
            return true;
        }
        if (p >= _text.Length || !_isCluster[p])
        {
            return false;
        }
        var previous = _text[p - 1];
        return previous == '\n' ||
            (Excerpts.SentenceEnds.Contains(previous) && Excerpts.EndsSentence(previous, _text.Substring(p, Graphemes.LengthAt(_text, p))));
    }

    private bool IsWordBoundary(int p)
    {
        if (!_isCluster[p])
        {
            return false;
        }
        if (p == 0 || p == _text.Length)
        {
            return true;
        }
        Rune.DecodeLastFromUtf16(_text.AsSpan(0, p), out var before, out _);
        Rune.DecodeFromUtf16(_text.AsSpan(p), out var after, out _);
        return !(IsWordPart(before) && IsWordPart(after));
    }

    /// <summary>A letter, digit or mark of a word that spaces surround: not Chinese or Japanese, which run on, but Hangul, which Korean spaces.</summary>
    private static bool IsWordPart(Rune rune) =>
        !(CjkScript.IsCjk(rune) && !Cjk.IsHangul(rune)) && (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
}
