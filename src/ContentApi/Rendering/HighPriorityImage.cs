namespace ContentApi.Rendering;

/// <summary>
/// Finds the one img a sanitized render gives <see cref="ImageLoading.HighPriority"/>, so that a page showing several
/// bodies can make it lazy in all but the first (<see cref="PageImageLoading"/>) without rendering them again.
/// </summary>
internal static class HighPriorityImage
{
    /// <summary>
    /// Where the attribute starts in <paramref name="html"/>, or null when no img has it. Exact for the sanitizer's
    /// output: text escapes every <c>&lt;</c>, and attribute values are double-quoted with every <c>"</c> in them
    /// escaped, so the attribute's text in prose or in an alt text is not taken for it.
    /// </summary>
    public static int? Find(string html)
    {
        var (tagStart, inValue) = (-1, false);
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (inValue)
            {
                inValue = c != '"';
            }
            else if (tagStart < 0)
            {
                tagStart = c == '<' ? i : -1;
            }
            else if (c == '"')
            {
                inValue = true;
            }
            else if (c == '>')
            {
                tagStart = -1;
            }
            else if (c == ' ' && html.AsSpan(i).StartsWith(ImageLoading.HighPriority, StringComparison.Ordinal)
                && html.AsSpan(tagStart).StartsWith("<img ", StringComparison.Ordinal))
            {
                return i;
            }
        }
        return null;
    }

    /// <summary><paramref name="html"/> with the attribute found at <paramref name="at"/> by <see cref="Find"/> made <see cref="ImageLoading.Lazy"/>.</summary>
    public static string MakeLazy(string html, int at) =>
        string.Concat(html.AsSpan(0, at), ImageLoading.Lazy, html.AsSpan(at + ImageLoading.HighPriority.Length));
}
