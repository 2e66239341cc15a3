namespace ContentApi.Data;

/// <summary>
/// The tables whose rows record the name of the API key that created them (<c>created_by</c>) and last changed them
/// (<c>updated_by</c>), from migration 0030: null for rows written before it and by CLI commands, which use no key.
/// </summary>
internal static class EditorColumns
{
    public static readonly string[] Tables = ["articles", "authors", "tags", "images"];
}
