using System.Text;

namespace ContentApi.Rendering;

/// <summary>
/// HTML comments in a body (<c>&lt;!-- 編輯備註：數字待查證 --&gt;</c>, Hugo's and Jekyll's <c>&lt;!--more--&gt;</c>) are notes
/// for editors, but raw HTML is disabled, so readers were shown them as text, and so were the excerpt and the search
/// index. What a body renders to leaves them out; the body keeps them as written. Read as CommonMark reads them with
/// HTML on: one starting a line (also in a list item or a quote, which it ends with) runs to the next <c>--&gt;</c>,
/// across blank lines and fences; one inside a line ends in its paragraph or is text; a code span that starts first is code
/// (<c>`&lt;!-- x --&gt;`</c>), and a backtick inside a comment is the comment's; in a code block, escaped
/// (<c>\&lt;!--</c>) or never closed, it is text. A comment alone on a line ends a paragraph, as an HTML comment block
/// does.
/// </summary>
internal static partial class HtmlComments
{
    private const string Open = "<!--";
    private const string Close = "-->";

    public static string Without(string markdown)
    {
        var comments = Ranges(markdown);
        if (comments.Count == 0)
        {
            return markdown;
        }
        var kept = new StringBuilder(markdown.Length);
        var position = 0;
        foreach (var (start, end) in comments)
        {
            kept.Append(markdown, position, start - position);
            position = end;
        }
        return kept.Append(markdown, position, markdown.Length - position).ToString();
    }

    /// <summary>
    /// The first <paramref name="length"/> characters without their comments, as the whole body reads them (a comment
    /// open at the cut and closed further on is left out, where read alone it would be never closed, and text), and
    /// where the body goes on past them: after such a comment's close, when that close was read.
    /// </summary>
    public static (string Text, int RestAt) WithoutInStart(string markdown, int length)
    {
        if (length >= markdown.Length)
        {
            return (Without(markdown), markdown.Length);
        }
        var (read, closedFurther) = PartRead(markdown, length);
        var kept = new StringBuilder(length);
        var (position, restAt) = (0, length);
        foreach (var (start, end) in Ranges(read, closedFurther))
        {
            if (start >= length)
            {
                break;
            }
            kept.Append(markdown, position, start - position);
            position = Math.Min(end, length);
            restAt = closedFurther && end == read.Length ? length : Math.Max(end, length);
        }
        return (kept.Append(markdown, position, length - position).ToString(), restAt);
    }

    /// <summary>
    /// How far <see cref="WithoutInStart"/> reads past its cut: finding comments parses what is read, and a comment's
    /// close could lie hundreds of thousands of characters on. Then on to the end of that line, if it ends soon.
    /// </summary>
    private const int MaxReadPastCut = 10_000;

    private const int MaxReadToLineEnd = 2_000;

    /// <summary>
    /// What <see cref="WithoutInStart"/> finds comments in: the first <paramref name="length"/> characters alone when
    /// they hold no opener (and the cut splits none); else <see cref="MaxReadPastCut"/> more, to the end of a line, so
    /// that a comment open at the cut is closed as the whole body closes it (its first <c>--&gt;</c> past the cut may be
    /// code's, and a code span split by the cut holds no comment). Whether a <c>--&gt;</c> lies further on, which closes
    /// a comment that starts a line and is still open where the text read ends.
    /// </summary>
    internal static (string Text, bool ClosedFurther) PartRead(string markdown, int length)
    {
        var withSplitOpener = markdown.AsSpan(0, Math.Min(markdown.Length, length + Open.Length - 1));
        if (!withSplitOpener.Contains(Open, StringComparison.Ordinal))
        {
            return (markdown[..length], false);
        }
        var end = Math.Min(markdown.Length, length + MaxReadPastCut);
        var lineEnd = markdown.IndexOf('\n', end, Math.Min(MaxReadToLineEnd, markdown.Length - end));
        end = lineEnd >= 0 ? lineEnd + 1 : end < markdown.Length && char.IsLowSurrogate(markdown[end]) ? end + 1 : end;
        var closedFurther = end < markdown.Length && markdown.IndexOf(Close, Math.Max(0, end - Close.Length + 1), StringComparison.Ordinal) >= 0;
        return (markdown[..end], closedFurther);
    }

    /// <summary>
    /// Where the first <c>&lt;!--more--&gt;</c> comment (any case, spaces inside), or Docusaurus' <c>&lt;!-- truncate --&gt;</c>,
    /// starts, if the body has one.
    /// </summary>
    public static int? MoreAt(string markdown)
    {
        // The comments are found only for a body that may hold one: "more" alone is in most English bodies.
        if (!MoreComment().IsMatch(markdown))
        {
            return null;
        }
        foreach (var (start, end) in Ranges(markdown))
        {
            var text = markdown.AsSpan(start + Open.Length, Math.Max(0, end - Close.Length - start - Open.Length)).Trim();
            if (text.Equals("more", StringComparison.OrdinalIgnoreCase) || text.Equals("truncate", StringComparison.OrdinalIgnoreCase))
            {
                return start;
            }
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<!--\s*(?:more|truncate)\s*-->", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MoreComment();

    /// <summary>Where the comments are, in order: from each <c>&lt;!--</c> to just after its <c>--&gt;</c>.</summary>
    /// <param name="markdown">A body, or the start of one.</param>
    /// <param name="closedFurther">Whether the body goes on past <paramref name="markdown"/> with a <c>--&gt;</c>, which
    /// closes a comment that starts a line and is still open at its end.</param>
    public static List<(int Start, int End)> Ranges(string markdown, bool closedFurther = false) =>
        markdown.Contains(Open, StringComparison.Ordinal) ? new Scan(markdown, closedFurther).Comments() : [];
}
