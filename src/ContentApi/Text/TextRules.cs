using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;

namespace ContentApi.Text;

/// <summary>Checks that several validators share.</summary>
public static partial class TextRules
{
    public const string SlugMessage = "Must be 1-120 lowercase letters (any script) or digits, in words joined by single hyphens, written plainly (Unicode NFKC: no fullwidth or styled letters, no invisible ones).";
    public const string ControlCharacterMessage = "Must not contain control characters (such as NUL).";
    public const string UrlMessage = "Must be an absolute http or https URL, without a user name or password, a port 0, spaces or invisible characters.";
    public const string PunycodeHostMessage =
        "Must have a host that browsers can look up: a part of it starting with xn-- must be the Punycode of an internationalized name (xn--fsqu00a is 例子; xn-- alone names nothing). Write the name in Unicode or in valid Punycode.";
    public const string Ipv4HostMessage =
        "Must have a host that browsers can open: one ending in a number is an IPv4 address to them, of at most four numbers, each at most 255 (1.2.3.4.5, 256.0.0.1, example.123 and 08 are none). Write the address or the domain name.";
    public const string BidiControlMessage =
        "Must close each bidirectional embedding or override (U+202A, U+202B, U+202D, U+202E) with U+202C and each isolate (U+2066, U+2067, U+2068) with U+2069, in the order opened, and close none that is not open: one left open reorders the text shown after this one.";

    /// <summary>What the description of a text <see cref="HasBalancedBidiControls"/> judges says (a pattern cannot count nesting).</summary>
    public const string BidiControlsBalanced =
        "Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) must each be closed within the text, in the order opened (U+202C closes an embedding or override, U+2069 an isolate), and none closed that is not open; marks (U+200E, U+200F, U+061C) and mixed-direction text are free.";

    public const string LineBreakMessage = "Must be one line: no line breaks (CR, LF, U+0085, U+2028, U+2029) or tabs.";
    public const string SurroundingWhiteSpaceMessage = "Must not start or end with white space.";
    public const string ByteOrderMarkMessage = "Must not contain a byte order mark (U+FEFF).";

    public const string InvisibleMessage = "Must contain a visible character, not only spaces, joiners or accents.";

    /// <summary>What the descriptions of the texts <see cref="HasVisibleCharacter"/> judges say (a pattern cannot), as a contract test checks.</summary>
    public const string ShowsSomething = "Must show something: not only white space, zero-width or other invisible characters, or accents alone.";
    public const int MaxUrlLength = 2048;

    /// <summary>How an http(s) URL starts; in the rule as a pattern, so that the OpenAPI document states it.</summary>
    public const string HttpUrlStart = "^[Hh][Tt][Tt][Pp][Ss]?://";

    /// <summary><see cref="HasNoControlCharacters"/> as a pattern, for the OpenAPI document (where \z is written $).</summary>
    public const string NoControlCharactersPattern = @"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*\z";

    /// <summary><see cref="NoControlCharactersPattern"/> and something that is not white space: a text that must not be blank.</summary>
    public const string NotBlankNoControlCharactersPattern = @"^(?=[\s\S]*\S)[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*\z";

    /// <summary>
    /// <see cref="SingleLineProblem"/> as a pattern, for the OpenAPI document: no control character (line breaks and tabs
    /// included), U+2028, U+2029 or U+FEFF, and no white space (as char.IsWhiteSpace reads it) first or last.
    /// </summary>
    public const string SingleLinePattern =
        @"^(?![\t-\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000])(?![\s\S]*[\t-\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]\z)[^\x00-\x1F\x7F-\x9F\u2028\u2029\uFEFF]*\z";

    /// <summary>
    /// What keeps text off one line, as a message, or null when it is one line: a line break or a tab, white space at
    /// either end, a byte order mark. Blank text is null here: NotEmpty says what is wrong with it.
    /// </summary>
    public static string? SingleLineProblem(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Any(c => IsLineBreak(c) || c == '\t') ? LineBreakMessage
        : char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) ? SurroundingWhiteSpaceMessage
        : value.Contains('\uFEFF', StringComparison.Ordinal) ? ByteOrderMarkMessage
        : null;

    /// <summary>A character that ends a line (and so a run of Chinese or Japanese, for search).</summary>
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>Line breaks and tabs are text; NUL and other C0/C1 controls are not.</summary>
    public static bool HasNoControlCharacters(string? value) => value is null || IndexOfControlCharacter(value) < 0;

    /// <summary>A C0 or C1 control that no text may hold: any but a line break or a tab.</summary>
    public static bool IsRefusedControlCharacter(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    /// <summary>Where the first control character a text must not hold (<see cref="IsRefusedControlCharacter"/>) is, or -1.</summary>
    public static int IndexOfControlCharacter(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsRefusedControlCharacter(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Whether every bidirectional embedding or override (LRE, RLE, LRO, RLO) in the text is closed by a PDF and every
    /// isolate (LRI, RLI, FSI) by a PDI, nested, with no PDF or PDI closing what is not open: the Unicode Bidirectional
    /// Algorithm ends what is left open only at the end of a paragraph, and a page showing the text inline (a title in a
    /// list) has the text after it in the same paragraph. Checked over the whole text, line breaks included: HTML joins
    /// lines into one paragraph.
    /// </summary>
    public static bool HasBalancedBidiControls(string? value) =>
        value is null || ReferenceEquals(WithBalancedBidiControls(value), value);

    /// <summary>An embedding, override or isolate that U+202C or U+2069 closes.</summary>
    public static bool OpensBidiRun(char c) => c is '\u202A' or '\u202B' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068';

    /// <summary>
    /// The text without the bidirectional controls <see cref="HasBalancedBidiControls"/> finds unbalanced: each
    /// embedding, override or isolate closed within it stays with its closer; one left open, a closer of none, or one
    /// closing another kind than the innermost open one (which the algorithm ignores) goes. For text cut from text that
    /// was free to leave them open (a body's paragraph, which ends them) or cut between an opener and its closer, and shown
    /// inline as a title is (a derived excerpt, a search snippet): nothing it leaves open reorders what follows it, and
    /// it is never longer than it was. Text without such controls is returned as it is.
    /// </summary>
    public static string WithBalancedBidiControls(string value)
    {
        if (value.AsSpan().IndexOfAnyInRange('\u202A', '\u202E') < 0 && value.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') < 0)
        {
            return value;
        }
        var dropped = new List<int>();
        var open = new Stack<(int At, bool Isolate)>();
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case var opener when OpensBidiRun(opener):
                    open.Push((i, opener >= '\u2066'));
                    break;
                case '\u202C' or '\u2069':
                    if (open.TryPeek(out var innermost) && innermost.Isolate == (value[i] == '\u2069'))
                    {
                        open.Pop();
                    }
                    else
                    {
                        dropped.Add(i);
                    }
                    break;
            }
        }
        dropped.AddRange(open.Select(o => o.At));
        if (dropped.Count == 0)
        {
            return value;
        }
        dropped.Sort();
        var kept = new StringBuilder(value.Length - dropped.Count);
        var from = 0;
        foreach (var at in dropped)
        {
            kept.Append(value, from, at - from);
            from = at + 1;
        }
        return kept.Append(value, from, value.Length - from).ToString();
    }

    /// <summary>
    /// Whether blank-free text shows anything: not only format characters (zero-width space and joiners, U+FEFF),
    /// accents with no letter, or the letters that print as nothing (Hangul fillers, the blank Braille pattern).
    /// Blank text passes here: NotEmpty says what is wrong with it.
    /// </summary>
    public static bool HasVisibleCharacter(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.EnumerateRunes().Any(IsVisible);

    private static bool IsVisible(Rune rune) =>
        !PrintsAsNothing(rune) && Rune.GetUnicodeCategory(rune) is not (
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned);

    /// <summary>
    /// The whole of <see cref="HttpUrl{T}"/> but its length, for values that come in other ways (import).
    /// Uri accepts raw control characters, spaces, quotes, angle brackets, backslashes, stray % signs, brackets outside
    /// the host and a second # (it escapes them, or reads a backslash as a slash), but they would be stored and served
    /// as sent, and no URI or IRI holds them: the OpenAPI document promises format iri, which clients that check
    /// formats hold the answers to. A user name before the host (<c>https://bank.example@evil.example/</c>) shows one
    /// site and opens another, and a password should not be served to readers; white space (U+00A0, U+2028) and
    /// invisible characters (U+200B, U+FEFF) are IRI characters, but make two addresses look alike.
    /// </summary>
    public static bool IsHttpUrl(string? value) => value is not null && IsHttpUrlBeforeTheHostsLabels(value) && HasBrowserHost(value);

    private static bool IsHttpUrlBeforeTheHostsLabels(string value) =>
        HttpUrlStartRegex().IsMatch(value) && !value.Any(char.IsControl) && value.AsSpan().IndexOfAny(NeverInIri) < 0 && IsIriShaped(value) && HasOnlyIriCharacters(value) &&
        Uri.TryCreate(value, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host) && !NamesUser(value) && uri.Port != 0;

    /// <summary>
    /// Whether browsers read the URL's host (WHATWG URL, which Uri does not follow here): one whose last label is a number
    /// (digits, or 0x and hex digits) is an IPv4 address to them, of at most four numbers (decimal, 0x hex or 0 octal), all
    /// but the last at most 255 and the last filling the bytes left; "1.2.3.4.5", "256.0.0.1", "example.123" or "08" is
    /// no URL there at all: new URL() throws, so a frontend making a link or an image loader's URL of it failed its page,
    /// and a link or an image goes nowhere. Judged on the host as written (Uri rewrites some IPv4 spellings). So is a domain
    /// with a Punycode label that does not decode (<see cref="PunycodeLabels"/>: "https://xn--/x.jpg").
    /// </summary>
    private static bool HasBrowserHost(string url)
    {
        if (HostLabels(url) is not { } labels)
        {
            return true; // an IPv6 literal, which Uri has read
        }
        if (!(labels[^1].Length > 0 && labels[^1].All(char.IsAsciiDigit)) && Ipv4Number(labels[^1]) is null)
        {
            return PunycodeLabels.AllDecode(labels); // a domain
        }
        var numbers = labels.Select(Ipv4Number).ToList();
        return numbers.Count <= 4 && numbers.All(n => n is not null) && numbers.SkipLast(1).All(n => n <= 255)
            && numbers[^1] < System.Numerics.BigInteger.Pow(256, 5 - numbers.Count);
    }

    /// <summary>
    /// The labels of an http(s) URL's host as browsers read them, without the empty one after a final dot; null for an IPv6
    /// literal. Browsers map the host as IDNA does first (full-width digits and dots are ASCII ones then), much as NFKC does,
    /// and read an ideographic full stop (U+3002, which NFKC leaves; U+FF61 is one after it) as a dot, as Uri does.
    /// </summary>
    private static string[]? HostLabels(string url)
    {
        var start = url.IndexOf("//", StringComparison.Ordinal) + 2;
        var end = url.AsSpan(start).IndexOfAny("/?#\\") is var length and >= 0 ? start + length : url.Length;
        var host = url[start..end];
        if (host.StartsWith('['))
        {
            return null;
        }
        host = host.LastIndexOf(':') is var colon and >= 0 ? host[..colon] : host;
        var labels = host.Normalize(NormalizationForm.FormKC).Split(['.', '\u3002']);
        return labels.Length > 1 && labels[^1].Length == 0 ? labels[..^1] : labels;
    }

    /// <summary>
    /// Whether a URL with an authority ("https://…", "//…") has no Punycode label in its host that fails to decode
    /// (<see cref="PunycodeLabels"/>), for links a body holds, which are not <see cref="IsHttpUrl"/>'s to judge.
    /// </summary>
    public static bool HostDecodes(string url) => HostLabels(url) is not { } labels || PunycodeLabels.AllDecode(labels);

    /// <summary>
    /// What a refused URL is told: that its host is none browsers open (a Punycode label that does not decode, or a number
    /// that is no IPv4 address), when that is all that is wrong with it (a client that has the rest right is not sent to
    /// look for spaces), else <see cref="UrlMessage"/>.
    /// </summary>
    private static string UrlRefusal(string? url) =>
        url is null || !IsHttpUrlBeforeTheHostsLabels(url) || HostLabels(url) is not { } labels ? UrlMessage
        : !PunycodeLabels.AllDecode(labels) ? PunycodeHostMessage
        : Ipv4HostMessage;

    /// <summary>
    /// What is wrong with a refused URL's host (<see cref="PunycodeHostMessage"/>, <see cref="Ipv4HostMessage"/>) when that
    /// is all that is wrong with it, as the API tells a request naming it; null for a URL <see cref="IsHttpUrl"/> takes or
    /// one refused for more than its host. For URLs given other ways (command-line options), so they say why too.
    /// </summary>
    public static string? HostRefusal(string? url) => IsHttpUrl(url) || UrlRefusal(url) is var refusal && refusal == UrlMessage ? null : refusal;

    /// <summary>A part of an IPv4 host as WHATWG URL reads it (decimal, 0x hex, or octal after a 0), or null when it is none.</summary>
    private static System.Numerics.BigInteger? Ipv4Number(string part)
    {
        if (part.Length == 0)
        {
            return null;
        }
        var (digits, radix) = part.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? (part[2..], 16)
            : part.Length > 1 && part[0] == '0' ? (part[1..], 8)
            : (part, 10);
        System.Numerics.BigInteger value = 0;
        foreach (var c in digits)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? char.ToLowerInvariant(c) - 'a' + 10 : radix;
            if (digit >= radix)
            {
                return null;
            }
            value = value * radix + digit;
        }
        return value;
    }

    /// <summary>Whether <paramref name="value"/> starts as an http(s) URL, whatever follows.</summary>
    public static bool StartsAsHttpUrl(string value) => HttpUrlStartRegex().IsMatch(value);

    /// <summary>
    /// Whether a URL with an authority ("https://…", "//…") names a user before its host, even an empty one
    /// ("https://@a.example/"): <c>https://bank.example@evil.example/</c> shows one site and opens another.
    /// </summary>
    public static bool NamesUser(string url)
    {
        var slashes = url.IndexOf("//", StringComparison.Ordinal);
        if (slashes < 0 || url.AsSpan(0, slashes).IndexOfAny('/', '?', '#') >= 0)
        {
            return false;
        }
        var authority = url.AsSpan(slashes + 2);
        var end = authority.IndexOfAny("/?#\\");
        return (end < 0 ? authority : authority[..end]).Contains('@');
    }

    [GeneratedRegex(HttpUrlStart)]
    private static partial Regex HttpUrlStartRegex();

    private static readonly System.Buffers.SearchValues<char> NeverInIri = System.Buffers.SearchValues.Create(" \"<>\\^`{|}");

    /// <summary>
    /// RFC 3987 §2.2: beyond ASCII, an IRI holds only ucschar (no noncharacters, no tag characters), private-use
    /// characters only in its query, and (§4.1) never a bidirectional formatting character (U+202E turns what follows
    /// around, so a link would show another address than it opens).
    /// </summary>
    private static bool HasOnlyIriCharacters(string value)
    {
        var query = value.IndexOf('?') is var q and >= 0 ? q : value.Length;
        var fragment = value.IndexOf('#') is var f and >= 0 ? f : value.Length;
        var index = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            var inQuery = index > query && index < fragment;
            index += rune.Utf16SequenceLength;
            if (rune.Value >= 0x80 && !(IsUcsChar(rune.Value) || inQuery && IsPrivateUse(rune.Value)) || IsBidiFormatting(rune.Value) || IsBlankOrInvisible(rune))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// White space, a format character but the joiners some scripts' words need (U+200C, U+200D), or a letter or mark that
    /// prints as nothing (<see cref="PrintsAsNothing"/>, the combining grapheme joiner).
    /// </summary>
    private static bool IsBlankOrInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format && rune.Value is not (0x200C or 0x200D)
        || PrintsAsNothing(rune) || rune.Value == 0x034F;

    /// <summary>The letters and marks that print as nothing: the Hangul fillers, the blank Braille pattern, Khmer's deprecated inherent vowels.</summary>
    private static bool PrintsAsNothing(Rune rune) => rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x17B4 or 0x17B5;

    private static bool IsUcsChar(int c) => c switch
    {
        >= 0xA0 and <= 0xD7FF or >= 0xF900 and <= 0xFDCF or >= 0xFDF0 and <= 0xFFEF => true,
        >= 0x10000 and < 0xE0000 => (c & 0xFFFF) <= 0xFFFD,
        >= 0xE1000 and <= 0xEFFFD => true,
        _ => false,
    };

    private static bool IsPrivateUse(int c) => c is >= 0xE000 and <= 0xF8FF or >= 0xF0000 and <= 0xFFFFD or >= 0x100000 and <= 0x10FFFD;

    /// <summary>No bidirectional formatting character, which would make the text show differently from what it says.</summary>
    public static bool HasNoBidiFormatting(string? value) => value is null || !value.Any(c => IsBidiFormatting(c));

    private static bool IsBidiFormatting(int c) => c is 0x061C or 0x200E or 0x200F or >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    private static bool IsIriShaped(string value)
    {
        var authority = value.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? scheme + 3 : 0;
        var path = value.AsSpan(authority).IndexOfAny('/', '?', '#') is var end and >= 0 ? authority + end : value.Length;
        if (value.AsSpan(path).IndexOfAny('[', ']') >= 0 || value.IndexOf('#') is var hash and >= 0 && value.IndexOf('#', hash + 1) >= 0)
        {
            return false;
        }
        for (var i = value.IndexOf('%'); i >= 0; i = value.IndexOf('%', i + 1))
        {
            if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>An absolute http(s) URL of at most <see cref="MaxUrlLength"/> characters (a limit the OpenAPI document states).</summary>
    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).MaximumCharacters(MaxUrlLength).Matches(HttpUrlStart).WithMessage(UrlMessage).Must(IsHttpUrl).WithMessage((_, url) => UrlRefusal(url));

    /// <summary>
    /// A slug (<see cref="Slugs"/>), its length a limit the OpenAPI document states, and within the bytes a derived one
    /// takes: a static-site build names a file by it, and 120 Chinese characters (360 bytes) passed the 255 bytes a
    /// file name may have (slugs stored before keep theirs: exports and lookups take them).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Slug<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).MaximumCharacters(Slugs.MaxLength).WithMessage(SlugMessage).Matches(Slugs.Shape).WithMessage(SlugMessage)
            .Must(slug => Slugs.IsValid(Slugs.InStoredSpelling(slug))).WithMessage(SlugMessage)
            .Must(slug => Encoding.UTF8.GetByteCount(Slugs.InStoredSpelling(slug)!) <= Slugs.DerivedMaxBytes).WithMessage(SlugBytesMessage);

    public static readonly string SlugBytesMessage =
        $"Must be at most {Slugs.DerivedMaxBytes} bytes in UTF-8 (60 Chinese characters), as a derived slug is: static-site builds name files by slug, and a file name ends at 255 bytes.";
}
