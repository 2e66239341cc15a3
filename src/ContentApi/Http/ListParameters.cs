namespace ContentApi.Http;

/// <summary>
/// Query parameters that take a list, written comma-separated (<c>include=authors,tags</c>) or, as many generated
/// clients write arrays, repeated (<c>include=authors&amp;include=tags</c>): ASP.NET binds a repeated parameter to its
/// values joined with commas, so both read the same. Any other parameter given twice is a 400.
/// </summary>
public static class ListParameters
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "include", "fields", "format" };
}
