namespace ContentApi.Import;

/// <summary>The file that took a slug in this run, and whether it wrote the slug or it was derived from its title.</summary>
public sealed record SlugClaim(string File, bool Derived);
