using System.Text;

namespace ContentApi.Rendering;

/// <summary>
/// The writer a body is rendered into, which gives up once the HTML passes <paramref name="maxCharacters"/>: a few
/// characters of Markdown may render to hundreds (a reference link repeats its definition's URL, each reference to a
/// footnote adds a link to it and one back), so 100,000 references to one footnote rendered 14 MB of HTML and took
/// 4.5 s at every read (found by a probe), too large for the rendered-body cache.
/// </summary>
internal sealed class BoundedHtmlWriter(int maxCharacters) : StringWriter
{
    public override void Write(char value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        base.Write(buffer, index, count);
        Check();
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        base.Write(buffer);
        Check();
    }

    public override void Write(string? value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(StringBuilder? value)
    {
        base.Write(value);
        Check();
    }

    private void Check()
    {
        if (GetStringBuilder().Length > maxCharacters)
        {
            throw new RenderedHtmlTooLargeException();
        }
    }
}

/// <summary>The HTML of a body would pass the bound of <see cref="BoundedHtmlWriter"/>.</summary>
internal sealed class RenderedHtmlTooLargeException() : Exception("The body's HTML is larger than the renderer allows.");
