using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContentApi.Data;
using ContentApi.Import;
using ContentApi.Text;

namespace ContentApi.Transfer;

/// <summary>
/// The Markdown files of an export (<c>export --markdown</c>), written from its JSON Lines files rather than read again
/// from the database: they come from the export's one snapshot, so the Markdown names exactly the articles, slugs,
/// authors, tags and images of the export it is imported over, however the database changed meanwhile.
/// </summary>
public static partial class MarkdownFromExport
{
    public static async Task<int> WriteAsync(string exportFolder, string markdownFolder, CancellationToken cancellationToken)
    {
        // A new folder of its own: one found there (a link to another folder) was not in the export's empty folder before.
        PrivateFiles.CreateNewFolder(markdownFolder);
        var authors = await NamedByIdAsync(exportFolder, "authors", cancellationToken);
        var tags = await NamedByIdAsync(exportFolder, "tags", cancellationToken);
        var altTexts = await ColumnByIdAsync(exportFolder, "images", "alt_text", cancellationToken);
        var written = 0;
        await foreach (var line in File.ReadLinesAsync(Path.Combine(exportFolder, ExportFormat.FileOf("articles")), cancellationToken))
        {
            using var document = JsonDocument.Parse(line);
            var row = document.RootElement;
            var id = row.GetProperty("id").GetInt64();
            var slug = Text(row, "slug")!;
            var article = new ExportArticle(
                Text(row, "title")!, slug, Text(row, "language")!, Text(row, "status")!, Text(row, "body")!,
                [.. Ids(row, "author_ids").Select(author => authors[author])], [.. Ids(row, "tag_ids").Select(tag => tags[tag])],
                Timestamps.FromDbOrNull(Text(row, "published_at")), Text(row, "subtitle"), Text(row, "excerpt"), Text(row, "canonical_url"),
                row.GetProperty("cover_image_id") is { ValueKind: JsonValueKind.Number } cover
                    ? new CoverImageRef(ImageReferences.For(cover.GetInt64()), altTexts[cover.GetInt64()])
                    : null,
                [.. Ids(row, "image_ids")],
                row.TryGetProperty(ExportFormat.PreviousSlugsProperty, out var earlier) ? [.. earlier.EnumerateArray().Select(slug => slug.GetString()!)] : []);
            await Data.PrivateFiles.WriteAllTextAsync(Path.Combine(markdownFolder, FileName(id, slug)), MarkdownExportWriter.Write(article), cancellationToken);
            written++;
        }
        return written;
    }

    /// <summary>
    /// The article's slug as its file name when it is a valid slug (letters, digits and hyphens: never a path) short
    /// enough for a file system's 255-byte names and not a name Windows keeps for a device (with any extension), as the
    /// export may be copied there; else its id. A slug from an imported export may be neither.
    /// </summary>
    internal static string FileName(long id, string slug) =>
        Slugs.IsValid(slug) && Encoding.UTF8.GetByteCount(slug) <= MaxFileNameBytes - ".md".Length && !WindowsDeviceName().IsMatch(slug)
            ? slug + ".md"
            : $"_article-{id}.md"; // "_" is never in a slug, so no other article's file has this name

    [GeneratedRegex("^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WindowsDeviceName();

    private const int MaxFileNameBytes = 255;

    private static string? Text(JsonElement row, string column) => row.GetProperty(column).GetString();

    private static IEnumerable<long> Ids(JsonElement row, string property) => row.GetProperty(property).EnumerateArray().Select(id => id.GetInt64());

    private static async Task<Dictionary<long, NamedRef>> NamedByIdAsync(string folder, string table, CancellationToken cancellationToken)
    {
        var names = await ColumnByIdAsync(folder, table, "name", cancellationToken);
        var slugs = await ColumnByIdAsync(folder, table, "slug", cancellationToken);
        return names.ToDictionary(name => name.Key, name => new NamedRef(name.Value, slugs[name.Key]));
    }

    private static async Task<Dictionary<long, string>> ColumnByIdAsync(string folder, string table, string column, CancellationToken cancellationToken)
    {
        var values = new Dictionary<long, string>();
        await foreach (var line in File.ReadLinesAsync(Path.Combine(folder, ExportFormat.FileOf(table)), cancellationToken))
        {
            using var document = JsonDocument.Parse(line);
            values[document.RootElement.GetProperty("id").GetInt64()] = document.RootElement.GetProperty(column).GetString()!;
        }
        return values;
    }
}
