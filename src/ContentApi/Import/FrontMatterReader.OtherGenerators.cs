using YamlDotNet.RepresentationModel;

namespace ContentApi.Import;

/// <summary>
/// What other generators write in front matter besides the keys Hugo and Jekyll share with this API's: Zola's
/// taxonomies, MkDocs Material's dates, the keys that keep a page out of sight, Docusaurus' path slugs and older author
/// keys.
/// </summary>
internal sealed partial class FrontMatterReader
{
    /// <summary>
    /// Zola's <c>[taxonomies]</c>: its <c>tags</c> and <c>categories</c> are tags, as the keys of those names are, and its
    /// <c>authors</c> the authors; another taxonomy (a theme's <c>series</c>) is ignored with a warning.
    /// </summary>
    private FrontMatterFields Taxonomies(FrontMatterFields fields, YamlMappingNode taxonomies)
    {
        foreach (var (nameNode, value) in taxonomies.Children)
        {
            fields = ((nameNode as YamlScalarNode)?.Value ?? "") switch
            {
                "tags" => fields with { Tags = [.. fields.Tags, .. Names("taxonomies.tags", value, NameList.SplitTags)] },
                "categories" => fields with { Categories = [.. fields.Categories, .. Names("taxonomies.categories", value, NameList.SplitTags)] },
                // Zola themes' authors taxonomy: the authors, unless the page's own key names them.
                "authors" when fields.Authors is null => fields with { Authors = Names("taxonomies.authors", value, NameList.SplitAuthors) },
                "authors" => Ignore(fields, nameNode, "'taxonomies.authors' ignored: 'authors' names the page's authors."),
                var other => IgnoreUnknownKey(fields, nameNode, $"taxonomy '{other}' (tags, categories and authors are read)"),
            };
        }
        return fields;
    }

    /// <summary>
    /// MkDocs Material's <c>date: {created, updated}</c>: the post's date is <c>created</c>; <c>updated</c>, a
    /// modification date, is ignored as <c>lastmod</c> is.
    /// </summary>
    private DateTimeOffset? CreatedDate(YamlMappingNode dates)
    {
        DateTimeOffset? created = null;
        foreach (var (subkeyNode, value) in dates.Children)
        {
            switch ((subkeyNode as YamlScalarNode)?.Value ?? "")
            {
                case "created":
                    created = PublishedAt("date.created", value);
                    break;
                case "updated":
                    problems.Add(new ImportProblem(file, FileLine(subkeyNode.Start), ModificationDateIgnored("date.updated"), ImportSeverity.Warning));
                    break;
                case var other:
                    WarnIgnored(subkeyNode, $"key '{other}' under 'date'");
                    break;
            }
        }
        return created;
    }

    private static string ModificationDateIgnored(string key) => $"'{key}' ignored: the API sets an article's updatedAt when it is written.";

    /// <summary>
    /// What a key says when it keeps a page out of the site's lists or pages: Docusaurus' <c>unlisted: true</c>,
    /// Eleventy's <c>eleventyExcludeFromCollections: true</c> and <c>permalink: false</c> (no page written),
    /// vuepress-theme-reco's <c>publish: false</c>; null when it does not.
    /// </summary>
    private static string? HiddenBy(string key, YamlNode value) =>
        value is YamlScalarNode { Value: var flag } && bool.TryParse(flag?.Trim(), out var set) &&
        (key is "unlisted" or "eleventyExcludeFromCollections" ? set : !set)
            ? $"{key}: {(set ? "true" : "false")}"
            : null;

    /// <summary>
    /// A page the site kept out of sight is a draft: the API has no unlisted article, and a public one would be listed.
    /// Beside <c>draft: false</c> (or <c>published: true</c>), whichever comes first, the file contradicts itself, as
    /// beside <c>status: published</c> (<see cref="PublicationState"/>).
    /// </summary>
    private FrontMatterFields Hidden(FrontMatterFields fields)
    {
        if (fields is not { HiddenBy: { } said, HiddenLine: var line })
        {
            return fields;
        }
        if (fields.Draft == false)
        {
            Error(line, $"'{said}' contradicts '{fields.DraftWritten ?? "draft: false"}': keep one of them.");
            return fields;
        }
        problems.Add(new ImportProblem(file, line,
            $"'{said}': imported as a draft, as the API lists every published article. Give 'status: published' instead to publish it.", ImportSeverity.Warning));
        return fields.Draft == true ? fields : fields with { Draft = true, DraftLine = line, DraftWritten = said };
    }

    /// <summary>
    /// Docusaurus' slug may be a path (<c>slug: /my/path/to/post</c>, the post's URL under the blog's): its last segment is
    /// the slug, as a frontend reads it out of that URL and as an earlier URL's is (<see cref="EarlierSlugPath"/>).
    /// </summary>
    private string? PathSlug(string? written, YamlNode node)
    {
        if (written is null || !written.Contains('/') || EarlierSlugPath.SlugOf(written) is not { } slug)
        {
            return written;
        }
        problems.Add(new ImportProblem(file, FileLine(node.Start), $"'slug' {written.Trim()} is a path: its last segment, '{slug}', is the slug.", ImportSeverity.Warning));
        return slug;
    }

    /// <summary>Docusaurus' older keys for its one author's details: <c>author_title</c>, <c>author_url</c>, <c>author_image_url</c>.</summary>
    private NamedDetails? LegacyAuthorDetail(NamedDetails? details, string key, YamlNode value)
    {
        var read = details ?? new NamedDetails();
        if (Text(key, value) is { } text && NamedDetailsKeys.TryRead(key["author_".Length..], text.Trim(), ofAuthor: true, ref read, out var refusal) && refusal is not null)
        {
            problems.Add(new ImportProblem(file, FileLine(value.Start), refusal, ImportSeverity.Warning));
        }
        return read;
    }
}
