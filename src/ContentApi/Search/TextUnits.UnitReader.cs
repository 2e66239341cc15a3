using System.Globalization;
using System.Text;
using ContentApi.Text;

namespace ContentApi.Search;

/// <summary>
/// The reading behind <see cref="Of"/>: a text read one grapheme cluster at a time into its units.
/// </summary>
internal static partial class TextUnits
{
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
        private List<(int At, int SourceEnd)>? _nonJoiners; // in the word being read: where in it, and where in the text its letter's cluster ends
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
            if (Emoji.Is(_text.AsSpan(start, end - start)))
            {
                EndWord();
                _afterCjk = false;
                Add(Emoji.Folded(_text.AsSpan(start, end - start)), start, end, isCjk: false, joinsPrevious: false, isPictograph: true);
            }
            else if (end - start > 1 || !TryReadAlone(start))
            {
                ReadNormalized(start, end);
            }
            // After the cluster, whose reading ended the word before it: the next unit is the one after the break.
            _afterBreak |= !_markdownSource && _text.AsSpan(start, end - start).ContainsAny(Breaks);
            return end;
        }

        private void Add(string text, int start, int end, bool isCjk, bool joinsPrevious, bool isPictograph = false)
        {
            _units.Add(new TextUnit(text, start, end, isCjk, joinsPrevious, _afterBreak, isPictograph));
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
            if (IsNameDot(c) || IsBopomofoToneMarkAt(_text, index) || IsDigitGroupComma(_text, index) || HebrewWordMarks.At(_text, index) || c == ZeroWidthSpace && !UnspacedScripts.ZeroWidthSpaceBreaksWordAt(_text, index))
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

        /// <summary>
        /// Reads a cluster through its compatibility (NFKC) form, which makes full-width letters plain; one longer than
        /// <see cref="NormalizedText.MostCharacterLength"/>, which no script writes, as typed.
        /// </summary>
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
            var normalized = (end - start == 1 && char.IsAscii(_text[start])) || end - start > NormalizedText.MostCharacterLength
                ? _text.AsSpan(start, end - start)
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
                if (part.Value == NonJoiner && _word.Length > 0)
                {
                    (_nonJoiners ??= []).Add((_word.Length, end));
                }
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
            _nonJoiners?.Clear();
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
            var written = _word.ToString();
            _word.Clear();
            if (_splitLetterDigitWords && NonJoinedParts(written, _nonJoiners) is { } pieces)
            {
                // A Persian word's parts a non-joiner sets apart ("شرکت‌های"): each alone, joined as a name's runs are.
                var start = _wordStart;
                for (var i = 0; i < pieces.Count; i++)
                {
                    var end = i < pieces.Count - 1 ? pieces[i].SourceEnd : _wordEnd;
                    Add(DevanagariNasals.AsAnusvara(ArabicArticle.Without(pieces[i].Text)), start, end, isCjk: false, joinsPrevious: i > 0);
                    start = end;
                }
                _nonJoiners!.Clear();
                return;
            }
            _nonJoiners?.Clear();
            var word = DevanagariNasals.AsAnusvara(ArabicArticle.Without(written));
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
}
