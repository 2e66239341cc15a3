using System.Globalization;

namespace ContentApi.Http.Lists;

/// <summary>
/// One allowed sort: the name callers use, the SQL expression it stands for (a constant, never caller
/// text) and how to read that value off a row for the next cursor; <paramref name="IsCount"/> for an integer.
/// </summary>
public sealed record SortField<TRow>(string Name, string Expression, Func<TRow, string?> ValueOf, bool IsCount = false)
{
    /// <summary>A sort by a count (an integer expression), whose cursor holds the count written in digits.</summary>
    public static SortField<TRow> Count(string name, string expression, Func<TRow, long> countOf) =>
        new(name, expression, r => countOf(r).ToString(CultureInfo.InvariantCulture), IsCount: true);

    /// <summary>
    /// Whether a cursor's sort value could have come from a row: never null, an integer for a count, and a stored
    /// timestamp for the timestamp fields (named *At). A tampered cursor is refused rather than answered with an arbitrary page.
    /// </summary>
    public bool Accepts(string? value) =>
        value is not null && (IsCount
            ? long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            : !Name.EndsWith("At", StringComparison.Ordinal) || Data.Timestamps.IsDbFormat(value));

    /// <summary>
    /// A cursor's (accepted) value as the parameter compared with <see cref="Expression"/>: a count as a number, since
    /// SQLite orders every number before any text, so "count &lt; '3'" held for every row.
    /// </summary>
    public object CursorParameter(string value) => IsCount ? long.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : value;
}

/// <summary>A parsed <c>sort</c> parameter: a field from the allow-list and a direction ("-" prefix = descending).</summary>
public sealed record SortOrder<TRow>(SortField<TRow> Field, bool Descending)
{
    public string Key => (Descending ? "-" : "") + Field.Name;

    public string OrderBy(string idColumn)
    {
        var direction = Descending ? "DESC" : "ASC";
        return $"{Field.Expression} {direction}, {idColumn} {direction}";
    }

    /// <summary>Rows strictly after the cursor in this order; the id breaks ties so no row is skipped or repeated.</summary>
    public string After(string idColumn)
    {
        var op = Descending ? "<" : ">";
        return $"({Field.Expression} {op} @CursorValue OR ({Field.Expression} = @CursorValue AND {idColumn} {op} @CursorId))";
    }
}

/// <summary>The sorts a resource allows, and the parser of its <c>sort</c> parameter.</summary>
public sealed class SortOptions<TRow>(IReadOnlyList<SortField<TRow>> allowed, string defaultKey)
{
    public IReadOnlyList<SortField<TRow>> Allowed => allowed;

    public string DefaultKey => defaultKey;

    /// <summary>Every sort the parameter takes: each field ascending, then descending.</summary>
    public IReadOnlyList<string> Keys { get; } = [.. allowed.SelectMany(f => new[] { f.Name, "-" + f.Name })];

    public string Description => string.Join(", ", Keys);

    public bool TryParse(string? text, out SortOrder<TRow> order)
    {
        // Only a missing parameter means the default: "sort=" names no sort, so it is refused like an unknown one.
        var key = text ?? defaultKey;
        var descending = key.StartsWith('-');
        var name = descending ? key[1..] : key;
        var field = allowed.FirstOrDefault(f => f.Name == name);
        order = new SortOrder<TRow>(field ?? allowed[0], descending);
        return field is not null;
    }
}
