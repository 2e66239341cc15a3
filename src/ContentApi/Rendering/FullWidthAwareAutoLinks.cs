using System.Buffers;
using System.Text;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;

namespace ContentApi.Rendering;

/// <summary>
/// Bare URLs (GFM's extended autolinks) as Chinese and Japanese are written: no space comes between a URL and the
/// full-width punctuation after it, so GFM's rules (a URL ends at white space or ASCII punctuation) took "。" or "，了解"
/// into the link, or found the domain invalid and linked nothing; and "（" before a URL did not let it start. Here a
/// URL ends at full-width punctuation and may start after it. Nor do they type a space before a URL ("請見https://…"),
/// which GFM needs: one right after a Han, kana, Hangul or full-width character (<see cref="IsEastAsian"/>) starts as
/// after a space, while one glued to a Latin letter or digit ("abchttps://…") is still text. Ideographs in a path
/// ("/wiki/模型") stay in the link. It takes the place of Markdig's <c>UseAutoLinks()</c>, whose parser it extends.
/// </summary>
internal sealed class FullWidthAwareAutoLinks : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        var options = new AutoLinkOptions { ValidPreviousCharacters = new AutoLinkOptions().ValidPreviousCharacters + OpeningPunctuation + EastAsianOrLowSurrogate };
        pipeline.InlineParsers.ReplaceOrAdd<AutoLinkParser>(new Parser(options));
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>Full-width punctuation a URL may follow directly: brackets, quotes and the marks that end a clause.</summary>
    private const string OpeningPunctuation = "（［｛「『【〔〈《〖〘〚‘“：；，、。！？";

    /// <summary>
    /// Han (and its radicals, strokes and compatibility forms), kana, Bopomofo, Hangul, CJK symbols and punctuation, and
    /// full-width and half-width forms: the writing a URL is typed into without a space before it.
    /// </summary>
    internal static bool IsEastAsian(int codePoint) => codePoint is
        (>= 0x1100 and <= 0x11FF) or (>= 0x2E80 and <= 0x2FDF) or (>= 0x3000 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF)
        or (>= 0xA960 and <= 0xA97F) or (>= 0xAC00 and <= 0xD7FF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F)
        or (>= 0xFF01 and <= 0xFFEE) or (>= 0x1B000 and <= 0x1B16F) or (>= 0x20000 and <= 0x3FFFF);

    /// <summary>
    /// Every <see cref="IsEastAsian"/> character of the BMP, and the low surrogates, which end an ideograph of the
    /// supplementary planes (𠮷) but also an emoji: <see cref="Parser.Match"/> tells them apart.
    /// </summary>
    private static readonly string EastAsianOrLowSurrogate = string.Concat(
        Enumerable.Range(0, char.MaxValue + 1).Where(c => IsEastAsian(c) || char.IsLowSurrogate((char)c)).Select(c => (char)c));

    /// <summary>
    /// Whether <paramref name="c"/> ends a bare URL: CJK punctuation (but the wave dashes, which ranges use), the
    /// full-width and half-width forms of ASCII and CJK punctuation (not of letters, digits or katakana), curly quotes
    /// and the ellipsis. Dashes stay: a URL may hold one ("/wiki/Israel–Hamas_war").
    /// </summary>
    internal static bool EndsUrl(char c) =>
        c is (>= '\u3000' and <= '\u303F') and not ('\u301C' or '\u3030')
            or (>= '\uFF01' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20') or (>= '\uFF3B' and <= '\uFF40') or (>= '\uFF5B' and <= '\uFF65')
            or (>= '\u2018' and <= '\u201F') or '\u2026';

    /// <summary>What a bare URL starts with (Markdig's own list); anything else is no URL, so nothing is scanned.</summary>
    private static readonly string[] Starts = ["http://", "https://", "ftp://", "mailto:", "tel:", "www."];

    /// <summary>
    /// Where a bare URL at the start of <paramref name="text"/> can end: the first white space or <see cref="EndsUrl"/>
    /// character (-1: none). A URL holds no white space, so a paragraph is never read to its end from every letter
    /// that could start a URL: that made parsing quadratic (a 30,000-character article of short lines took a second).
    /// </summary>
    internal static int ScanEnd(ReadOnlySpan<char> text) => text.IndexOfAny(UrlEnds);

    internal static bool StartsUrl(ReadOnlySpan<char> text)
    {
        foreach (var start in Starts)
        {
            if (text.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Where the East Asian text run into a bare URL's top-level domain or port starts ("www.gov.tw查詢": at 查), or -1.
    /// No top-level domain mixes ASCII letters or digits with ideographs, kana or Hangul, and no port holds them, so
    /// "tw查詢" is a domain's end and the words of the sentence after it (a Korean particle: "www.naver.com에서"); a
    /// domain all in Chinese (例子.测试) and a path's ideographs (/wiki/台灣) stay.
    /// </summary>
    internal static int DomainRunsIntoTextAt(ReadOnlySpan<char> url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var hostStart = url.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? 0 : schemeEnd < 0 ? -1 : schemeEnd + 3;
        if (hostStart < 0)
        {
            return -1; // mailto: and tel: name no host
        }
        var hostLength = url[hostStart..].IndexOfAny(HostEnds);
        var host = hostLength < 0 ? url[hostStart..] : url.Slice(hostStart, hostLength);
        var labelStart = host.LastIndexOf('.') + 1;
        for (var i = labelStart + 1; i < host.Length; i++)
        {
            if (char.IsAsciiLetterOrDigit(host[i - 1]) && Rune.DecodeFromUtf16(host[i..], out var rune, out _) == OperationStatus.Done
                && IsEastAsian(rune.Value))
            {
                return hostStart + i;
            }
        }
        return -1;
    }

    /// <summary>What ends a URL's host and port: its path, query or fragment.</summary>
    private static readonly SearchValues<char> HostEnds = SearchValues.Create("/?#");

    private sealed class Parser(AutoLinkOptions options) : AutoLinkParser(options)
    {
        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            var rest = slice.Text.AsSpan(slice.Start, slice.End - slice.Start + 1);
            if (!StartsUrl(rest) || !FollowsNoOtherSupplementaryCharacter(slice))
            {
                return false;
            }
            var end = ScanEnd(rest);
            if (DomainRunsIntoTextAt(end < 0 ? rest : rest[..end]) is var domainEnd and >= 0)
            {
                end = domainEnd;
            }
            else if (end < 0 || !EndsUrl(rest[end]))
            {
                return base.Match(processor, ref slice);
            }
            var upToPunctuation = new StringSlice(slice.Text, slice.Start, slice.Start + end - 1);
            if (!base.Match(processor, ref upToPunctuation))
            {
                return false;
            }
            slice.Start = upToPunctuation.Start;
            return true;
        }

        /// <summary>Whether what comes before, if a character of the supplementary planes, is an ideograph or kana: an emoji glued to a URL is text, as a letter is.</summary>
        private static bool FollowsNoOtherSupplementaryCharacter(StringSlice slice)
        {
            var (high, low) = (slice.PeekCharExtra(-2), slice.PeekCharExtra(-1));
            return !char.IsLowSurrogate(low) || char.IsSurrogatePair(high, low) && IsEastAsian(char.ConvertToUtf32(high, low));
        }
    }

    /// <summary>White space, and every character <see cref="EndsUrl"/> is true for.</summary>
    private static readonly System.Buffers.SearchValues<char> UrlEnds = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => char.IsWhiteSpace(c) || EndsUrl(c))]);
}
