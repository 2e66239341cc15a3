using System.Text;
using System.Text.RegularExpressions;
using ContentApi.Rendering;

namespace ContentApi.Text;

/// <summary>
/// A title or name read as a reader sees a ruby in it: its base, without the reading or the tags. Titles are text, yet
/// editors paste a ruby into them as the body takes it, <c>&lt;ruby&gt;谷中&lt;rt&gt;やなか&lt;/rt&gt;&lt;/ruby&gt;</c> or the
/// novel sites' <c>｜谷中《やなか》</c> (<see cref="RubyNotation"/>), and a slug derived from them named the tags and the
/// reading ("ruby-谷中-rt-やなか-rt-ruby-の路地").
/// </summary>
internal static partial class RubyBaseText
{
    public static string Of(string text)
    {
        var untagged = text.Contains('<') ? RubyRegex().Replace(text, m => AnnotationRegex().Replace(m.Groups["base"].Value, "")) : text;
        return untagged.Contains(RubyNotation.Bar) ? WithoutNotation(untagged) : untagged;
    }

    private static string WithoutNotation(string text)
    {
        var builder = new StringBuilder(text.Length);
        var copied = 0;
        for (var bar = text.IndexOf(RubyNotation.Bar); bar >= 0; bar = text.IndexOf(RubyNotation.Bar, bar + 1))
        {
            if (RubyNotation.Notation(text, bar, text.Length - 1) is var (open, close))
            {
                builder.Append(text, copied, bar - copied).Append(text, bar + 1, open - bar - 1);
                copied = close + 1;
                bar = close;
            }
        }
        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>A ruby closed in the text, holding no other: a tag left open is text, as in the body.</summary>
    [GeneratedRegex(@"<ruby>(?<base>(?:(?!</?ruby>)[^\n]){1,200}?)</ruby>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RubyRegex();

    /// <summary>A ruby's reading or fallback bracket, with its tags.</summary>
    [GeneratedRegex(@"<(rt|rp)>[^<]*</\1>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnnotationRegex();
}
