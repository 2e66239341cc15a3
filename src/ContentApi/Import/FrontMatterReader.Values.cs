using ContentApi.Http.Json;
using ContentApi.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContentApi.Import;

/// <summary>The single values of front matter: texts, the slug, the publication status, draft flag and date.</summary>
internal sealed partial class FrontMatterReader
{
    private string? Text(string key, YamlNode node)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(FileLine(node.Start), $"'{key}' must be a single text value.");
            return null;
        }
        if (!IsNull(scalar) && string.IsNullOrWhiteSpace(scalar.Value) && key is "title" or "slug")
        {
            // Written, but "" or spaces: unlike a placeholder description, a title or slug left blank is worth a word.
            problems.Add(new ImportProblem(file, FileLine(node.Start), $"'{key}' is blank: it is taken as not given.", ImportSeverity.Warning));
        }
        return IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value;
    }

    /// <summary>
    /// A text kept as written, spaces alone included (older versions stored a subtitle of spaces as sent, and an export writes
    /// it quoted); null when empty, but for a quoted empty one where <paramref name="keepsEmpty"/>: the API stores an
    /// empty subtitle or excerpt too (an empty excerpt is shown, not derived), and an export writes it <c>""</c>. Hugo's
    /// summary and description are often left as empty placeholders, meaning none.
    /// </summary>
    private string? ExactText(string key, YamlNode node, bool keepsEmpty = false) =>
        node is YamlScalarNode scalar && !IsNull(scalar) && (scalar.Value?.Length > 0 || keepsEmpty && scalar.Style != ScalarStyle.Plain)
            ? scalar.Value ?? ""
            : Text(key, node);

    /// <summary>A slug as stored, whichever spelling of Thai ำ or Lao ຳ the file has (an export of an earlier build wrote the pair).</summary>
    private static string? Slug(string? slug) => slug is null ? null : Slugs.InStoredSpelling(slug);

    private string? Status(YamlNode node)
    {
        var text = Text("status", node);
        if (text is null)
        {
            return null;
        }
        var status = text.Trim().ToLowerInvariant();
        if (status is "draft" or "published")
        {
            return status;
        }
        Error(FileLine(node.Start), $"'status' must be 'draft' or 'published', not '{text}'.");
        return null;
    }

    private bool? Draft(YamlNode node)
    {
        var text = Text("draft", node);
        if (text is null)
        {
            return null;
        }
        if (bool.TryParse(text.Trim(), out var draft))
        {
            return draft;
        }
        Error(FileLine(node.Start), $"'draft' must be true or false, not '{text}'.");
        return null;
    }

    /// <summary>RFC 3339, a bare date, or Jekyll's and Hugo's <c>2024-05-01 10:00:00 +0800</c> (an offset is needed).</summary>
    private DateTimeOffset? PublishedAt(string key, YamlNode node)
    {
        var text = Text(key, node);
        if (text is null)
        {
            return null;
        }
        var reading = _dates.Read(text);
        if (reading.BeyondRange || Rfc3339.IsBeyondRange(text) ||
            reading.Value is { } instant && instant.UtcDateTime.Year is < UtcDateTimeOffsetConverter.FirstYear or > UtcDateTimeOffsetConverter.LastYear)
        {
            Error(FileLine(node.Start), $"'{key}' {text.Trim()} is outside the years {UtcDateTimeOffsetConverter.FirstYear} to {UtcDateTimeOffsetConverter.LastYear} in UTC.");
            return null;
        }
        if (reading.Value is { } value)
        {
            if (reading.ReadAsUtc)
            {
                problems.Add(new ImportProblem(file, FileLine(node.Start),
                    $"'{key}' {text.Trim()} gives no UTC offset: read as UTC. Give import --time-zone with the site's time zone (its configuration's timezone, or Hugo's timeZone) to read it as the site did.",
                    ImportSeverity.Warning));
            }
            return value;
        }
        if (text.Trim().ToLowerInvariant() is "last modified" or "created" or "git last modified" or "git created")
        {
            Error(FileLine(node.Start), $"'{key}: {text.Trim()}' is Eleventy's: the file's time on disk or in git, which this import does not read (a copy of the site changes it). Give the post's date.");
            return null;
        }
        Error(FileLine(node.Start), ImpossibleDate.Reason(text) is { } reason
            ? $"'{key}' {text.Trim()} {reason}"
            : $"Unsupported {key} format '{text}'; use {FrontMatterDate.SupportedFormats}.");
        return null;
    }
}
