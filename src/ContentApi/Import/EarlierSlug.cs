namespace ContentApi.Import;

/// <summary>A slug a file gives as one of its post's earlier URLs, and the file line of the entry that gives it.</summary>
public sealed record EarlierSlug(string Slug, int Line);
