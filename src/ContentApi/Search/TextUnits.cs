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
        var wanted = Of(part).Select(unit => unit.Text).ToList();
        if (wanted.Count == 0)
        {
            return text.Contains(part, StringComparison.Ordinal);
        }
        var units = Of(text).Select(unit => unit.Text).ToList();
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
    private static bool IsInWordFormatting(int codePoint) => codePoint is 0x0640 or 0x00AD or 0x200C or 0x200D or 0x2060 or 0xFEFF;

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

    private static bool IsSpaceWithinLine(char c) => char.IsWhiteSpace(c) && c is not ('\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029');

    public static List<TextUnit> Of(string text)
    {
        var units = new List<TextUnit>(text.Length);
        var word = new StringBuilder();
        int wordStart = 0, wordEnd = 0;
        var afterCjk = false;   // the last unit was a CJK character or an unspaced letter, with nothing but a space since
        var lastWasCjk = false; // and it was a CJK character
        var acrossSpace = false; // and a space came after it

        void EndWord()
        {
            if (word.Length > 0)
            {
                units.Add(new TextUnit(word.ToString(), wordStart, wordEnd, IsCjk: false, JoinsPrevious: false));
                word.Clear();
            }
        }

        void AddPart(Rune part, int start, int end)
        {
            var category = Rune.GetUnicodeCategory(part);
            if (category == UnicodeCategory.EnclosingMark || (category == UnicodeCategory.NonSpacingMark && IsAccent(part.Value)) || IsInWordFormatting(part.Value))
            {
                return; // a diacritic, or a character that only shapes or hyphenates a word: dropped, and it does not end the word
            }
            afterCjk = false;
            if (Rune.IsLetterOrDigit(part) || category is UnicodeCategory.SpacingCombiningMark or UnicodeCategory.NonSpacingMark)
            {
                if (word.Length == 0)
                {
                    wordStart = start;
                }
                // Full case folding where lowercasing falls short: ß (and ẞ) is ss, a final ς is σ (STRASSE finds Straße).
                var folded = Rune.ToLowerInvariant(part);
                if (category == UnicodeCategory.DecimalDigitNumber)
                {
                    // Digits of any script are the digits they are: ٢٠٣٠ (Arabic-Indic) and २०३० (Devanagari) are 2030.
                    word.Append((char)('0' + (int)Rune.GetNumericValue(part)));
                }
                else if (SearchedAs(folded.Value) is { } searchedAs)
                {
                    word.Append(searchedAs);
                }
                else
                {
                    Span<char> lower = stackalloc char[2];
                    word.Append(lower[..(folded.Value == 'ς' ? new Rune('σ') : folded).EncodeToUtf16(lower)]);
                }
                wordEnd = end;
            }
            else
            {
                EndWord();
            }
        }

        // Normalizing one grapheme cluster at a time keeps every unit tied to the exact span it came from.
        for (var start = 0; start < text.Length;)
        {
            if (word.Length == 0 && SymbolNamedTerm(text, start) is var (term, length))
            {
                afterCjk = false;
                units.Add(new TextUnit(term, start, start + length, IsCjk: false, JoinsPrevious: false));
                start += length;
                continue;
            }
            var end = start + Graphemes.LengthAt(text, start);
            if (end - start == 1 && char.IsAsciiLetterOrDigit(text[start]))
            {
                // Plain ASCII letters and digits are already folded but for their case.
                if (word.Length == 0)
                {
                    wordStart = start;
                }
                word.Append(char.ToLowerInvariant(text[start]));
                wordEnd = end;
                afterCjk = false;
                start = end;
                continue;
            }
            if (end - start == 1 && IsPlainCjk(text[start]))
            {
                // The bulk of Chinese text: a unified ideograph, kana or Hangul syllable that NFKC leaves as it is.
                EndWord();
                units.Add(new TextUnit(HanVariants.FoldedText(text[start]), start, end, IsCjk: true, JoinsPrevious: afterCjk));
                (afterCjk, lastWasCjk, acrossSpace) = (true, true, false);
                start = end;
                continue;
            }
            if (end - start == 1 && (IsNameDot(text[start]) || IsDigitGroupComma(text, start) ||
                text[start] == ZeroWidthSpace && !BreaksWordAt(text, start)))
            {
                start = end;
                continue;
            }
            if (end - start == 1 && afterCjk && lastWasCjk && IsSpaceWithinLine(text[start]))
            {
                // Spaces between CJK characters say nothing: a Japanese name is written with or without one
                // (佐藤 花子), Korean spacing varies, and text copied from PDFs spaces out every character.
                acrossSpace = true;
                start = end;
                continue;
            }
            if (end - start == 1 && (char.IsPunctuation(text[start]) || char.IsWhiteSpace(text[start])))
            {
                // Punctuation and spaces (also full-width ones such as "，" and "。") only separate units, whatever NFKC makes of them.
                afterCjk = false;
                EndWord();
                start = end;
                continue;
            }
            // A letter of Thai, Lao, Khmer or Myanmar (with its marks) is a unit of its own, like a CJK character: their
            // words are not spaced, so a word is found as a run of such units, anywhere in a run.
            var unspaced = UnspacedScripts.IsLetter(Rune.GetRuneAt(text, start));
            var joinsPrevious = afterCjk && !acrossSpace; // a space ends a phrase of theirs, and separates them from CJK
            if (unspaced)
            {
                EndWord();
            }
            var normalized = end - start == 1 && char.IsAscii(text[start])
                ? text.AsSpan(start, 1)
                : NormalizedText.Of(text[start..end], NormalizationForm.FormKC).AsSpan();
            foreach (var rune in normalized.EnumerateRunes())
            {
                if (CjkScript.IsCjk(rune))
                {
                    EndWord();
                    units.Add(new TextUnit(HanVariants.Fold(rune).ToString(), start, end, IsCjk: true, JoinsPrevious: afterCjk));
                    (afterCjk, lastWasCjk, acrossSpace) = (true, true, false);
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
            if (unspaced && word.Length > 0)
            {
                // One unit per letter of what NFKC made of the cluster: ำ is ํ and า, ໜ is ຫ and ນ, as others type them.
                foreach (var letter in LettersWithTheirMarks(word.ToString()))
                {
                    units.Add(new TextUnit(letter, start, end, IsCjk: true, JoinsPrevious: joinsPrevious));
                    joinsPrevious = true;
                }
                word.Clear();
                (afterCjk, lastWasCjk, acrossSpace) = (true, false, false);
            }
            start = end;
        }
        EndWord();
        return units;
    }
}
