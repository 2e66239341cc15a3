using ContentApi.Tags;

namespace ContentApi.Data;

/// <summary>
/// The <c>q</c> filter of the author, tag and image lists: which rows hold a text in their names (or an image's
/// texts), compared as tag names are (<see cref="TagNames.SearchKey"/>: NFKC, ignoring case and format characters), on
/// the search key stored with each row (<see cref="FoldedKeys"/>). Still a read of every row, but in SQLite, where the
/// list's other conditions, visibility among them, apply with it: no row goes to C# (figures: README).
/// </summary>
public static class FoldedTextScan
{
    /// <summary>The condition on <paramref name="searchKeyColumn"/> that keeps the rows found, given as @Needle (<see cref="Needle"/>).</summary>
    public static string Condition(string searchKeyColumn) => SqliteDialect.Contains(searchKeyColumn, "@Needle");

    /// <summary><paramref name="q"/> as the stored search keys are folded.</summary>
    public static string Needle(string q) => TagNames.SearchKey(q);
}
