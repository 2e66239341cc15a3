using System.ComponentModel.DataAnnotations;

namespace ContentApi.Articles.Revisions;

/// <summary>Revision settings. Bound from the "Revisions" section.</summary>
public sealed class RevisionOptions
{
    public const string Section = "Revisions";

    /// <summary>The most revisions kept per article; the write that stores one more prunes the oldest.</summary>
    [Range(1, 10_000)]
    public int MaxPerArticle { get; set; } = 50;
}
