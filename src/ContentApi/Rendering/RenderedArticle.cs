using System.Text.Json.Serialization;

namespace ContentApi.Rendering;

/// <summary>A body as sanitized HTML and the table of contents of its headings, in document order.</summary>
public sealed record RenderedArticle(string Html, IReadOnlyList<TocEntry> Toc)
{
    /// <summary>Where the attribute that loads the body's first image at once starts in <see cref="Html"/> (<see cref="HighPriorityImage"/>); null when it shows no image.</summary>
    internal int? HighPriorityImageAt { get; init; }
}

/// <summary>A heading: its level (1-6), its plain text and the id of its HTML element (link target "#" + id).</summary>
public sealed record TocEntry(int Level, string Text, string Id)
{
    /// <summary>`rtl` or `ltr`, as the heading's element has it, for a heading holding right-to-left letters: the direction of its first letter outside quotation marks and brackets, or `rtl` in an article whose language is written right to left. Absent for one holding none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Dir { get; init; }
}
