using ContentApi.Text;
using System.Text;

namespace ContentApi.Import;

/// <summary>
/// Writes an article as Markdown with YAML front matter that <see cref="MarkdownImportParser"/> reads back to the
/// same fields and body. The front matter always names the title and the authors (an empty list included), so the
/// parser takes neither a heading nor a byline from the body; it names authors and tags with their slugs when it has
/// them, so that two of one name stay two; and the body's images are <c>image:ID</c> references, whose following lines
/// the parser leaves alone. Empty optional texts are omitted and read back as null, but for the subtitle and excerpt,
/// written <c>""</c> when empty (one of spaces is written, quoted) and left out only when null. The
/// article's <c>imageIds</c> are written whole (<c>[]</c> for none), so that images the body does not place (a gallery)
/// are not lost, and a cover the body places is not added to them. Its earlier slugs are its <c>aliases</c>.
/// </summary>
public static class MarkdownExportWriter
{
    public static string Write(ExportArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var yaml = new StringBuilder();
        Field(yaml, "title", article.Title);
        Field(yaml, "slug", article.Slug);
        KeptField(yaml, "subtitle", article.Subtitle);
        KeptField(yaml, "excerpt", article.Excerpt);
        List(yaml, "authors", article.Authors);
        List(yaml, "tags", article.Tags);
        Field(yaml, "language", LanguageTags.Canonical(article.Language));
        Field(yaml, "status", article.Status);
        if (article.PublishedAt is { } publishedAt)
        {
            yaml.Append("publishedAt: ").Append(Rfc3339.Format(publishedAt)).Append('\n');
        }
        Field(yaml, "canonicalUrl", article.CanonicalUrl);
        if (article.Cover is { } cover)
        {
            yaml.Append("cover:\n");
            Field(yaml, "  url", cover.Url);
            Field(yaml, "  alt", cover.AltText);
        }
        if (article.ImageIds is { } imageIds)
        {
            yaml.Append("imageIds: [").AppendJoin(", ", imageIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append("]\n");
        }
        if (article.EarlierSlugs is { Count: > 0 } earlierSlugs)
        {
            // Hugo's name: a slug is a path of one segment, whose slug is itself.
            yaml.Append("aliases: [").AppendJoin(", ", earlierSlugs.Select(YamlScalar.Write)).Append("]\n");
        }
        return "---\n" + yaml + "---\n\n" + article.Body;
    }

    private static void Field(StringBuilder yaml, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            yaml.Append(key).Append(": ").Append(YamlScalar.Write(value)).Append('\n');
        }
    }

    /// <summary>
    /// A text the API stores even when empty, written then as <c>""</c> (an empty excerpt is shown as such, where an
    /// absent one is derived from the body); null is left out.
    /// </summary>
    private static void KeptField(StringBuilder yaml, string key, string? value)
    {
        if (value is not null)
        {
            yaml.Append(key).Append(": ").Append(YamlScalar.Write(value)).Append('\n');
        }
    }

    /// <summary>Names, each with its slug when it has one (<c>- name: …</c> and <c>slug: …</c> under it).</summary>
    private static void List(StringBuilder yaml, string key, IReadOnlyList<NamedRef> values)
    {
        yaml.Append(key).Append(values.Count == 0 ? ": []\n" : ":\n");
        foreach (var value in values)
        {
            if (value.Slug is null)
            {
                yaml.Append("- ").Append(YamlScalar.Write(value.Name)).Append('\n');
                continue;
            }
            yaml.Append("- name: ").Append(YamlScalar.Write(value.Name)).Append('\n');
            yaml.Append("  slug: ").Append(YamlScalar.Write(value.Slug)).Append('\n');
        }
    }
}
