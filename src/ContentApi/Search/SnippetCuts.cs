using System.Globalization;
using System.Text;
using ContentApi.Text;

namespace ContentApi.Search;

/// <summary>Where a snippet may start and end: at grapheme cluster boundaries, preferably sentence or word ones.</summary>
internal sealed class SnippetCuts
{
    private readonly string _text;
    private readonly bool[] _isCluster;

    /// <summary>Whether the text is Japanese (<see cref="JapaneseCuts.IsJapanese"/>), cut where a phrase ends when one is near (<see cref="JapaneseCuts.EndsPhrase"/>).</summary>
    private readonly bool _isJapanese;

    public SnippetCuts(string text)
    {
        _text = text;
        _isJapanese = JapaneseCuts.IsJapanese(text.EnumerateRunes());
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
        return FirstWordBoundary(earliest, anchor) ?? anchor;
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
        return FirstWordBoundary(earliest, start) ?? start;
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
        if (LastWordBoundary(limit, start + maxLength / 2) is { } boundary)
        {
            return boundary;
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
        if (_text[p - 1] == '\n')
        {
            return true;
        }
        // The quotes and brackets closing a sentence after its stop are the sentence's, as an excerpt keeps them: no
        // snippet starts with them ("…」他並指出") or ends before them ("…支持。…" left "「" open).
        var stop = p - 1;
        while (stop > 0 && Excerpts.Closers.Contains(_text[stop]))
        {
            stop--;
        }
        return !Excerpts.Closers.Contains(_text[p]) && Excerpts.SentenceEnds.Contains(_text[stop])
            && Excerpts.EndsSentence(_text[stop], _text.Substring(p, Graphemes.LengthAt(_text, p)));
    }

    /// <summary>
    /// The first word boundary from <paramref name="from"/> up to before <paramref name="to"/> that starts no snippet
    /// with punctuation belonging to what came before it; in Japanese, one where a phrase ends if any.
    /// </summary>
    private int? FirstWordBoundary(int from, int to) =>
        (_isJapanese ? FirstBoundary(from, to, phrase: true) : null) ?? FirstBoundary(from, to, phrase: false);

    private int? FirstBoundary(int from, int to, bool phrase)
    {
        for (var p = from; p < to; p++)
        {
            if (IsWordBoundary(p, phrase) && !(p < _text.Length && BelongsBefore(Rune.GetRuneAt(_text, p))))
            {
                return p;
            }
        }
        return null;
    }

    /// <summary>
    /// Punctuation that closes or joins what comes before it (a comma, a stop, a closing bracket or quote, a name's dot,
    /// a dash): a snippet of Chinese started at one, "…，据报道", "…）表示". Not an opener, nor "#", "@", "¿" or a
    /// straight quote, which may start what follows.
    /// </summary>
    private static bool BelongsBefore(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation => true,
        UnicodeCategory.OtherPunctuation => rune.Value is not ('#' or '@' or '"' or '\'' or '¿' or '¡' or '*'),
        _ => false,
    };

    /// <summary>The last word boundary from <paramref name="from"/> down to after <paramref name="after"/>; in Japanese, one where a phrase ends if any.</summary>
    private int? LastWordBoundary(int from, int after) =>
        (_isJapanese ? LastBoundary(from, after, phrase: true) : null) ?? LastBoundary(from, after, phrase: false);

    private int? LastBoundary(int from, int after, bool phrase)
    {
        for (var p = from; p > after; p--)
        {
            if (IsWordBoundary(p, phrase))
            {
                return p;
            }
        }
        return null;
    }

    /// <summary>
    /// Between two words, or beside a Chinese or Japanese character, but not inside a katakana word; with
    /// <paramref name="phrase"/>, only where a Japanese phrase ends.
    /// </summary>
    private bool IsWordBoundary(int p, bool phrase)
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
        if (IsWordPart(before) && IsWordPart(after))
        {
            return false;
        }
        // A cluster's first character tells its script: a katakana letter written with a combining sound mark ends in the mark.
        var clusterStart = p - 1;
        while (!_isCluster[clusterStart])
        {
            clusterStart--;
        }
        Rune.DecodeFromUtf16(_text.AsSpan(clusterStart), out var letterBefore, out _);
        return !JapaneseCuts.SplitsWord(letterBefore, after) && (!phrase || JapaneseCuts.EndsPhrase(letterBefore, after));
    }

    /// <summary>A letter, digit or mark of a word that spaces surround: not Chinese or Japanese, which run on, but Hangul, which Korean spaces.</summary>
    private static bool IsWordPart(Rune rune) =>
        !(CjkScript.IsCjk(rune) && !Cjk.IsHangul(rune)) && (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
}
