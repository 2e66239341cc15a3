namespace ContentApi.Import;

/// <summary>
/// An author or tag as a file names it: by name (found by it, or created), or by name and slug (found by the slug, or
/// created with both). An export names each by both, so that two authors of one name stay two, and a name is kept
/// exactly as stored.
/// </summary>
public sealed record NamedRef(string Name, string? Slug = null);
