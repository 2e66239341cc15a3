using System.Text.Json;
using ContentApi.Http.Json;

namespace ContentApi.Transfer;

/// <summary>
/// The export format: a folder with one JSON Lines file per resource (a record per line, database column
/// names, values exactly as stored) and a manifest. Articles carry their ordered author, tag and image ids; articles,
/// authors and tags their earlier slugs.
/// </summary>
public static class ExportFormat
{
    public const string ManifestFile = "manifest.json";
    public const string FormatName = "contentapi-export";
    public const int FormatVersion = 1;

    /// <summary>In dependency order: what a record refers to is imported before it.</summary>
    public static readonly string[] Tables = ["images", "authors", "tags", "articles"];

    public static readonly (string Table, string Column, string Property)[] ArticleLinks =
    [
        ("article_authors", "author_id", "author_ids"),
        ("article_tags", "tag_id", "tag_ids"),
        ("article_images", "image_id", "image_ids"),
    ];

    /// <summary>The earlier slugs of an article, an author or a tag, which lead to it (see migrations 0019 and 0032); written only when it has some.</summary>
    public const string PreviousSlugsProperty = "previous_slugs";

    public static string FileOf(string table) => table + ".jsonl";

    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = ContentJsonEncoder.Instance,
        WriteIndented = false,
    };

    /// <param name="LastIds">
    /// Per table, the highest id it has ever given (deleted rows included), so that the database an export is imported
    /// into gives no id twice either. Absent from exports made before it existed.
    /// </param>
    /// <param name="LastVersions">
    /// Per table, the highest version it has ever given, so that an If-Match made before the export never matches a
    /// resource of the imported database that a later restore brings back. Absent from older exports.
    /// </param>
    /// <param name="RestoredAt">When the exported content was last restored (or reindexed into what it shows): Last-Modified is never earlier. Absent: never, or an older export.</param>
    public sealed record Manifest(
        string Format, int Version, int SchemaVersion, Dictionary<string, long> Counts, Dictionary<string, long>? LastIds = null,
        Dictionary<string, long>? LastVersions = null, string? RestoredAt = null);
}
