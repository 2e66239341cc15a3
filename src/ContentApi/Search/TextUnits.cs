using System.Globalization;
using System.Text;
using ContentApi.Text;

namespace ContentApi.Search;

/// <summary>
/// Splits text into folded <see cref="TextUnit"/>s: words of letters and digits (lowercase, without diacritics,
/// compatibility forms such as full-width letters made plain), single CJK characters (Traditional folded to
/// Simplified) and single letters of Thai, Lao, Khmer and Myanmar with their marks. Everything else separates units.
/// </summary>
internal static partial class TextUnits
{
    private static bool IsPlainCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or (>= '\uAC00' and <= '\uD7A3');

    /// <summary>
    /// Whether <paramref name="text"/> says <paramref name="part"/>: holds its units in a row, folded (case, width,
    /// diacritics, Traditional and Simplified) and with punctuation aside. Text without units is compared as written.
    /// </summary>
    public static bool Says(string text, string part)
    {
        // Whole words: a short line "GPT" does not say "GPT4 benchmark chart".
        var wanted = Of(part, splitLetterDigitWords: false).Select(unit => unit.Text).ToList();
        if (wanted.Count == 0)
        {
            return text.Contains(part, StringComparison.Ordinal);
        }
        var units = Of(text, splitLetterDigitWords: false).Select(unit => unit.Text).ToList();
        for (var start = 0; start + wanted.Count <= units.Count; start++)
        {
            if (units.Skip(start).Take(wanted.Count).SequenceEqual(wanted, StringComparer.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Characters inside a word that change how it is drawn or broken, not what it says: the Arabic tatweel (ـ, which
    /// stretches a joined letter), the soft hyphen, the zero-width (non-)joiner (Persian and Indic words are written
    /// with and without it), the word joiner and its older form, the byte order mark (U+FEFF) found pasted mid-text.
    /// </summary>
    private static bool IsInWordFormatting(int codePoint) => codePoint is AbjadPoints.Tatweel or 0x00AD or 0x200C or 0x200D or 0x2060 or 0xFEFF;

    /// <summary>The text cut before each letter, a mark staying with the letter before it.</summary>
    private static IEnumerable<string> LettersWithTheirMarks(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            if (i > start && Rune.IsLetter(Rune.GetRuneAt(text, i)))
            {
                yield return text[start..i];
                start = i;
            }
        }
        yield return text[start..];
    }

    private static bool IsSpaceWithinLine(char c) => char.IsWhiteSpace(c) && !TextRules.IsLineBreak(c);

    /// <param name="splitLetterDigitWords">A word of letters and digits is its runs ("qwen3" → qwen, 3), as search indexes it.</param>
    /// <param name="markdownSource">
    /// Text is Markdown as written: one line break after a Chinese or Japanese character is read as nothing, as its
    /// rendered text reads a wrapped line (發⏎佈 is 發佈), and so are the emphasis, strikethrough and code delimiters
    /// between CJK characters (**通義**千問 is 通義千問), so that a word found in the rendered text is found in the
    /// source. Not for text indexed: there a line break separates blocks, such as a heading from its paragraph.
    /// </param>
    public static List<TextUnit> Of(string text, bool splitLetterDigitWords = true, bool markdownSource = false)
    {
        var reader = new UnitReader(text, splitLetterDigitWords, markdownSource);
        // Normalizing one grapheme cluster at a time keeps every unit tied to the exact span it came from.
        for (var start = 0; start < text.Length;)
        {
            start = reader.ReadAt(start);
        }
        return reader.Finish();
    }

    /// <summary>What <see cref="Of"/> has read so far: the units, the word being read, and what came before it.</summary>
    private ref struct UnitReader
    {
        private readonly string _text;
        private readonly bool _splitLetterDigitWords;
        private readonly bool _markdownSource;
        private readonly List<TextUnit> _units;
        private readonly StringBuilder _word = new();
        private int _wordStart;
        private int _wordEnd;
        private bool _afterCjk;    // the last unit was a CJK character or an unspaced letter, with nothing but a space since
        private bool _lastWasCjk;  // and it was a CJK character
        private bool _acrossSpace; // and a space came after it
        private bool _acrossLineBreak; // and a line break, read as a space (markdownSource)
        private bool _afterBreak;      // a line break or a tab came since the last unit (not markdownSource)

        public UnitReader(string text, bool splitLetterDigitWords, bool markdownSource)
        {
            _text = text;
            _splitLetterDigitWords = splitLetterDigitWords;
            _markdownSource = markdownSource;
            _units = new List<TextUnit>(text.Length);
        }

        /// <summary>Reads the symbol-named term or the grapheme cluster at <paramref name="start"/>; returns where the next one starts.</summary>
        public int ReadAt(int start)
        {
            if (_word.Length == 0 && SymbolNamedTerms.At(_text, start) is var (term, length))
            {
                _afterCjk = false;
                Add(term, start, start + length, isCjk: false, joinsPrevious: false);
                return start + length;
            }
            var end = start + Graphemes.LengthAt(_text, start);
            if (IsWrappedLine(start, end))
            {
                // One line break (\r\n is one cluster) between CJK characters; a second is a blank line, which ends a paragraph.
                (_acrossSpace, _acrossLineBreak) = (true, true);
                return end;
            }
            if (end - start > 1 || !TryReadAlone(start))
            {
                ReadNormalized(start, end);
            }
            // After the cluster, whose reading ended the word before it: the next unit is the one after the break.
            _afterBreak |= !_markdownSource && _text.AsSpan(start, end - start).ContainsAny(Breaks);
            return end;
        }

        private void Add(string text, int start, int end, bool isCjk, bool joinsPrevious)
        {
            _units.Add(new TextUnit(text, start, end, isCjk, joinsPrevious, _afterBreak));
            _afterBreak = false;
        }

        public List<TextUnit> Finish()
        {
            EndWord();
            return _units;
        }

        private readonly bool IsWrappedLine(int start, int end) =>
            _markdownSource && _afterCjk && _lastWasCjk && !_acrossLineBreak && !Cjk.IsHangul(Rune.GetRuneAt(_units[^1].Text, 0)) &&
            (end - start == 1 && _text[start] == '\n' || end - start == 2 && _text[start] == '\r' && _text[start + 1] == '\n');

        /// <summary>Reads a one-character cluster that needs no normalization: an ASCII letter or digit, a plain CJK character, or
        /// what only separates units or is skipped; false for any other.</summary>
        private bool TryReadAlone(int index)
        {
            var c = _text[index];
            if (char.IsAsciiLetterOrDigit(c))
            {
                // Plain ASCII letters and digits are already folded but for their case.
                ExtendWord(index, index + 1);
                _word.Append(char.ToLowerInvariant(c));
                _afterCjk = false;
                return true;
            }
            if (IsPlainCjk(c))
            {
                // The bulk of Chinese text: a unified ideograph, kana or Hangul syllable that NFKC leaves as it is.
                AddCjk(HanVariants.FoldedText(c), index, index + 1);
                return true;
            }
            if (IsNameDot(c) || IsDigitGroupComma(_text, index) || HebrewWordMarks.At(_text, index) || c == ZeroWidthSpace && !UnspacedScripts.ZeroWidthSpaceBreaksWordAt(_text, index))
            {
                return true; // written or left out as the writer likes: it ends neither a word nor a CJK run
            }
            if (_afterCjk && _lastWasCjk && _markdownSource && c is '*' or '_' or '~' or '`')
            {
                return true; // Markdown's inline delimiters, which the rendered text leaves out: they end no CJK run
            }
            if (_afterCjk && _lastWasCjk && IsSpaceWithinLine(c) && (c != '\t' || _markdownSource))
            {
                // Spaces between CJK characters say nothing: a Japanese name is written with or without one
                // (佐藤 花子), Korean spacing varies, and text copied from PDFs spaces out every character. A tab parts
                // two cells of a table row in the plain text (PlainText), which no word runs across; the Markdown
                // source parts them with a bar, and its tabs are spaces to its rendered text.
                _acrossSpace = true;
                return true;
            }
            if (_afterCjk && _lastWasCjk && IsQuoteOrBracketInRun(c))
            {
                return true; // a quote or bracket inside a Chinese or Japanese run ends it no more than a space does
            }
            if (char.IsPunctuation(c) || char.IsWhiteSpace(c))
            {
                // Punctuation and spaces (also full-width ones such as "，" and "。") only separate units, whatever NFKC makes of them.
                _afterCjk = false;
                EndWord();
                return true;
            }
            return false;
        }

        /// <summary>Reads a cluster through its compatibility (NFKC) form, which makes full-width letters plain.</summary>
        private void ReadNormalized(int start, int end)
        {
            // A letter of Thai, Lao, Khmer or Myanmar (with its marks) is a unit of its own, like a CJK character: their
            // words are not spaced, so a word is found as a run of such units, anywhere in a run.
            var unspaced = UnspacedScripts.IsLetter(Rune.GetRuneAt(_text, start));
            var joinsPrevious = _afterCjk && !_acrossSpace; // a space ends a phrase of theirs, and separates them from CJK
            if (unspaced)
            {
                EndWord();
            }
            var normalized = end - start == 1 && char.IsAscii(_text[start])
                ? _text.AsSpan(start, 1)
                : NormalizedText.Of(_text[start..end], NormalizationForm.FormKC).AsSpan();
            foreach (var rune in normalized.EnumerateRunes())
            {
                AddNormalized(rune, start, end);
            }
            if (unspaced && _word.Length > 0)
            {
                AddUnspacedLetters(start, end, joinsPrevious);
            }
        }

        /// <summary>Adds a character of a cluster's NFKC form: a CJK character as a unit, anything else by its decomposed parts.</summary>
        private void AddNormalized(Rune rune, int start, int end)
        {
            if (CjkScript.IsCjk(rune))
            {
                AddCjk(HanVariants.Fold(rune).ToString(), start, end);
            }
            else if (rune.IsAscii)
            {
                AddPart(rune, start, end);
            }
            else
            {
                foreach (var part in rune.ToString().Normalize(NormalizationForm.FormD).EnumerateRunes())
                {
                    AddPart(part, start, end);
                }
            }
        }

        /// <summary>Adds a letter, digit or mark to the word, drops an accent, and ends the word at anything else.</summary>
        private void AddPart(Rune part, int start, int end)
        {
            var category = Rune.GetUnicodeCategory(part);
            if (category == UnicodeCategory.EnclosingMark || (category == UnicodeCategory.NonSpacingMark && IsAccent(part.Value)) || IsInWordFormatting(part.Value))
            {
                return; // a diacritic, or a character that only shapes or hyphenates a word: dropped, and it does not end the word
            }
            _afterCjk = false;
            if (Rune.IsLetterOrDigit(part) || category is UnicodeCategory.SpacingCombiningMark or UnicodeCategory.NonSpacingMark)
            {
                ExtendWord(start, end);
                AppendFolded(part, category);
            }
            else
            {
                EndWord();
            }
        }

        private void AppendFolded(Rune part, UnicodeCategory category)
        {
            // Full case folding where lowercasing falls short: ß (and ẞ) is ss, a final ς is σ (STRASSE finds Straße).
            var folded = Rune.ToLowerInvariant(part);
            if (category == UnicodeCategory.DecimalDigitNumber)
            {
                // Digits of any script are the digits they are: ٢٠٣٠ (Arabic-Indic) and २०३० (Devanagari) are 2030.
                _word.Append((char)('0' + (int)Rune.GetNumericValue(part)));
            }
            else if (SearchedAs(folded.Value) is { } searchedAs)
            {
                _word.Append(searchedAs);
            }
            else
            {
                Span<char> lower = stackalloc char[2];
                _word.Append(lower[..(folded.Value == 'ς' ? new Rune('σ') : folded).EncodeToUtf16(lower)]);
            }
        }

        /// <summary>Turns the word read from a cluster of an unspaced script into units of a letter each.</summary>
        private void AddUnspacedLetters(int start, int end, bool joinsPrevious)
        {
            // One unit per letter of what NFKC made of the cluster: ำ is ํ and า, ໜ is ຫ and ນ, as others type them.
            foreach (var letter in LettersWithTheirMarks(_word.ToString()))
            {
                Add(letter, start, end, isCjk: true, joinsPrevious);
                joinsPrevious = true;
            }
            _word.Clear();
            (_afterCjk, _lastWasCjk, _acrossSpace) = (true, false, false);
        }

        private void AddCjk(string folded, int start, int end)
        {
            EndWord();
            Add(folded, start, end, isCjk: true, joinsPrevious: _afterCjk);
            (_afterCjk, _lastWasCjk, _acrossSpace, _acrossLineBreak) = (true, true, false, false);
        }

        /// <summary>Makes the word being read reach to <paramref name="end"/>, starting it at <paramref name="start"/> if it is empty.</summary>
        private void ExtendWord(int start, int end)
        {
            if (_word.Length == 0)
            {
                _wordStart = start;
            }
            _wordEnd = end;
        }

        private void EndWord()
        {
            if (_word.Length == 0)
            {
                return;
            }
            var word = DevanagariNasals.AsAnusvara(ArabicArticle.Without(_word.ToString()));
            _word.Clear();
            if (_splitLetterDigitWords && LetterDigitParts(word) is { } parts)
            {
                // A model or product name is searched by its name alone too: "Qwen3" is qwen, then 3 joined to it, as
                // a CJK run's characters are, so "Qwen" finds it and "Qwen3" stays one exact token (qwen3). Each part
                // spans its own characters when the word was written as it is folded, else the whole word (ＧＰＴ４ｏ).
                var exact = IsPlainAscii(_text.AsSpan(_wordStart, _wordEnd - _wordStart), word.Length);
                var start = _wordStart;
                for (var i = 0; i < parts.Count; i++)
                {
                    var end = exact ? start + parts[i].Length : _wordEnd;
                    Add(parts[i], start, end, isCjk: false, joinsPrevious: i > 0);
                    start = exact ? end : _wordStart;
                }
                return;
            }
            Add(word, _wordStart, _wordEnd, isCjk: false, joinsPrevious: false);
        }

        /// <summary>Whether the word came from as many ASCII letters and digits, so that its parts sit at the same offsets.</summary>
        private static bool IsPlainAscii(ReadOnlySpan<char> source, int length) =>
            source.Length == length && !source.ContainsAnyExcept(AsciiLettersAndDigits);
    }

    /// <summary>
    /// What parts the plain text's blocks, hard line breaks (<see cref="TextRules.IsLineBreak"/>) and table cells (a tab):
    /// no phrase runs across it.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> Breaks = System.Buffers.SearchValues.Create("\t\n\r\v\f\u0085\u2028\u2029");

    /// <summary>The most parts a word is split into: a longer mix of letters and digits is a code or a hash, kept whole.</summary>
    private const int MaxWordParts = 4;

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// A folded word's runs of letters and of digits ("qwen3" → qwen, 3; "h100" → h, 100; "gpt4o" → gpt, 4, o; digits of
    /// every script are ASCII by then); null for a word of one kind, or of more than <see cref="MaxWordParts"/> runs.
    /// </summary>
    internal static List<string>? LetterDigitParts(string word)
    {
        if (!word.AsSpan().ContainsAnyInRange('0', '9') || !word.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }
        var parts = new List<string>(MaxWordParts);
        var start = 0;
        for (var i = 1; i <= word.Length; i++)
        {
            if (i < word.Length && char.IsAsciiDigit(word[i]) == char.IsAsciiDigit(word[i - 1]))
            {
                continue;
            }
            if (parts.Count == MaxWordParts)
            {
                return null;
            }
            parts.Add(word[start..i]);
            start = i;
        }
        return parts;
    }
}
