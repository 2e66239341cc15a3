using ContentApi.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContentApi.Import;

/// <summary>
/// Reads the front-matter keys <c>title slug subtitle excerpt summary description authors tags language status draft publishedAt date cover canonicalUrl imageIds aliases</c>
/// (case-sensitive, camelCase as in the API), and Hugo's and Jekyll's <c>draft</c>. Unknown keys are ignored with a warning, so a typo such as <c>tittle</c>
/// is visible without failing an import of many files.
/// </summary>
/// <param name="imagePage">Where the file's page is, to resolve a cover given as a path (<see cref="ImageBaseUrl"/>); null: paths stay as written.</param>
/// <param name="siteZone">The site's time zone, for dates written without an offset (<see cref="FrontMatterDate"/>); null: UTC.</param>
/// <param name="firstLine">The file line of the text's first line (<see cref="FrontMatterBlock.FirstLine"/>).</param>
/// <param name="fileExistsBeside">Whether a path relative to the file's folder names a file (<see cref="CoverInImagesFolder"/>).</param>
/// <param name="site">What the file's site is (<see cref="SiteKind"/>): a Jekyll site's tags written as one text are words, an Obsidian vault's <c>aliases</c> no earlier URLs.</param>
internal sealed partial class FrontMatterReader(
    string file, List<ImportProblem> problems, Uri? imagePage = null, TimeZoneInfo? siteZone = null, int firstLine = FrontMatterBlock.FirstYamlLine,
    Func<string, bool>? fileExistsBeside = null, SiteKind site = SiteKind.None)
{
    /// <summary>Jekyll reads <c>tags: jekyll update</c> as two; elsewhere a text is one tag but for commas.</summary>
    private readonly Func<string, IReadOnlyList<string>> _splitTags = site.HasFlag(SiteKind.Jekyll) ? NameList.SplitWords : NameList.SplitTags;

    private readonly FrontMatterDate _dates = new(siteZone);

    public FrontMatterFields Read(string yaml)
    {
        YamlNode? root;
        try
        {
            // An alias right after a list ("tags: [a]*b") is a key too: the loader's message below says what it is.
            if (YamlShape.Unsafe(yaml) is var (at, problem, ofKey) && !(ofKey && AliasAfterCollection(yaml) is not null))
            {
                Error(FileLine(at), $"Front matter has {problem}.");
                return FrontMatterFields.None;
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            if (YamlTabIndentation.LineOfTab(yaml, e.Start) is { } tabLine)
            {
                Error(firstLine + tabLine - 1, "Front matter is not valid YAML: a tab in the indentation (YAML indents with spaces).");
                return FrontMatterFields.None;
            }
            Error(FileLine(e.Start), $"Front matter is not valid YAML: {e.Message}");
            return FrontMatterFields.None;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 throws this, without a position, for some unterminated flow collections.
            Error(1, "Front matter is not valid YAML: an unterminated list or mapping.");
            return FrontMatterFields.None;
        }
        catch (ArgumentException)
        {
            // YamlDotNet's parser reads an alias right after a flow list or mapping ("tags: [a]*b") as a key without a
            // value, and its loader then throws this, without a position.
            Error(AliasAfterCollection(yaml) is { } alias ? FileLine(alias) : 1,
                "Front matter is not valid YAML: a key without a value (an alias such as '*a' right after a list or mapping reads as one).");
            return FrontMatterFields.None;
        }
        if (root is null || IsNull(root))
        {
            return FrontMatterFields.None;
        }
        if (root is not YamlMappingNode mapping)
        {
            Error(FileLine(root.Start), "Front matter must be a mapping of keys to values.");
            return FrontMatterFields.None;
        }
        return ReadFields(mapping);
    }

    /// <summary>Where an alias right after a list or mapping starts, found with the parser's events; null when there is none.</summary>
    private static Mark? AliasAfterCollection(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        YamlDotNet.Core.Events.ParsingEvent? previous = null;
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is YamlDotNet.Core.Events.AnchorAlias alias &&
                    previous is YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd && previous.End.Line == alias.Start.Line)
                {
                    return alias.Start;
                }
                previous = parser.Current;
            }
        }
        catch (YamlException)
        {
            // Only the loader's failure is being placed here.
        }
        return null;
    }

    private FrontMatterFields ReadFields(YamlMappingNode mapping)
    {
        var fields = new FrontMatterFields();
        var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            keyLines.TryAdd(key, FileLine(keyNode.Start));
            fields = key switch
            {
                "title" => fields with { Title = Text(key, value) },
                "slug" => fields with { Slug = Slug(PathSlug(Text(key, value), value)) },
                "subtitle" => fields with { Subtitle = ExactText(key, value, keepsEmpty: true) },
                "excerpt" => fields with { Excerpt = ExactText(key, value, keepsEmpty: true) },
                "summary" => fields with { Summary = ExactText(key, value) },
                "description" => fields with { Description = ExactText(key, value) },
                "authors" => fields with { Authors = IsNull(value) ? null : Names(key, value, NameList.SplitAuthors) },
                "author" => fields with { Author = IsNull(value) ? null : Names(key, value, NameList.SplitAuthors) },
                "author_title" or "author_url" or "author_image_url" => fields with { AuthorDetails = LegacyAuthorDetail(fields.AuthorDetails, key, value) },
                "tags" => fields with { Tags = [.. fields.Tags, .. Names(key, value, _splitTags)] },
                "categories" => fields with { Categories = [.. fields.Categories, .. Names(key, value, _splitTags)] },
                // vuepress-theme-hope's names for them.
                "tag" => fields with { Tags = [.. fields.Tags, .. Names(key, value, NameList.SplitTags)] },
                "category" => fields with { Categories = [.. fields.Categories, .. Names(key, value, NameList.SplitTags)] },
                "taxonomies" when value is YamlMappingNode taxonomies => Taxonomies(fields, taxonomies),
                "language" => fields with { Language = Text(key, value) },
                "lang" => fields with { Lang = Text(key, value) },
                // Pelican's: a page it writes but lists nowhere.
                "status" when value is YamlScalarNode { Value: { } said } && said.Trim().Equals("hidden", StringComparison.OrdinalIgnoreCase) =>
                    fields with { HiddenBy = "status: hidden", HiddenLine = FileLine(keyNode.Start) },
                "status" => fields with { Status = Status(value) },
                "draft" => fields with { Draft = Draft(value), DraftLine = FileLine(keyNode.Start), DraftWritten = null },
                // Other tools write a date there: theirs, not Jekyll's flag, ignored with a warning as before.
                "published" when fields.Draft is null && value is YamlScalarNode { Value: var flag } && bool.TryParse(flag?.Trim(), out var published) =>
                    fields with { Draft = !published, DraftLine = FileLine(keyNode.Start), DraftWritten = $"published: {(published ? "true" : "false")}" },
                "publishedAt" => fields with { PublishedAt = PublishedAt(key, value), PublishedAtLine = FileLine(keyNode.Start) },
                "date" when value is YamlMappingNode dates => fields with { Date = CreatedDate(dates), DateLine = FileLine(keyNode.Start) },
                "date" => fields with { Date = PublishedAt(key, value), DateLine = FileLine(keyNode.Start) },
                "publishDate" or "published_at" or "pubDate" or "pubDatetime" => fields.PublishDate is null
                    ? fields with { PublishDate = PublishedAt(key, value), PublishDateLine = FileLine(keyNode.Start) }
                    : Ignore(fields, keyNode, $"'{key}' ignored: a key before it gives the publication date ({PublicationDateKeys}, the first given)."),
                "image" when fields.TheirCover is null && value is YamlMappingNode seoImage =>
                    fields with { TheirCover = TheirCoverMapping(keyNode, seoImage, ["path"], "alt", null), TheirCoverLine = FileLine(keyNode.Start) },
                "header" when fields.TheirCover is null && value is YamlMappingNode header =>
                    fields with
                    {
                        TheirCover = TheirCoverMapping(keyNode, header, ["image", "overlay_image", "teaser"], "image_description", "caption"),
                        TheirCoverLine = FileLine(keyNode.Start),
                    },
                "feature_image" or "featured_image" or "featureImage" or "image" or "coverImage" or "cover_image" or "heroImage" or "thumbnail" when fields.TheirCover is null =>
                    fields with { TheirCover = TheirCover(key, value), TheirCoverLine = FileLine(keyNode.Start) },
                "feature_image_alt" => fields with { TheirCoverAlt = Text(key, value) },
                "feature_image_caption" => fields with { TheirCoverCaption = Text(key, value) },
                "images" when fields.TheirCover is null && value is YamlSequenceNode { Children: [var first, ..] } =>
                    fields with { TheirCover = TheirCover(key, first), TheirCoverLine = FileLine(keyNode.Start) },
                "cover" => fields with { Cover = Cover(keyNode, value), CoverLine = FileLine(keyNode.Start) },
                "canonicalUrl" => fields with { CanonicalUrl = Text(key, value) },
                "canonical_url" or "canonicalURL" when fields.TheirCanonicalUrl is null => fields with { TheirCanonicalUrl = Text(key, value) },
                "imageIds" => fields with { ImageIds = ImageIds(value) },
                "lastmod" or "updatedDate" or "modDatetime" or "last_modified_at" or "updated" or "updated_at" or "modified" => Ignore(fields, keyNode, ModificationDateIgnored(key)),
                "unlisted" or "eleventyExcludeFromCollections" or "publish" or "permalink" when HiddenBy(key, value) is { } hidden =>
                    fields with { HiddenBy = hidden, HiddenLine = FileLine(keyNode.Start) },
                "unlisted" or "eleventyExcludeFromCollections" or "publish" when value is YamlScalarNode { Value: var flag } && bool.TryParse(flag?.Trim(), out _) => fields,
                // Obsidian's: other names of the note, to link to it by, not its earlier URLs.
                "aliases" when site.HasFlag(SiteKind.ObsidianVault) && !site.HasFlag(SiteKind.Hugo) => fields,
                "aliases" or "redirect_from" or "permalink" or "path" => fields with { EarlierSlugs = [.. fields.EarlierSlugs.Concat(EarlierSlugs(key, value)).DistinctBy(earlier => earlier.Slug, StringComparer.Ordinal)] },
                _ => IgnoreUnknownKey(fields, keyNode, $"front-matter key '{key}'"),
            };
        }
        fields = Hidden(fields);
        // Hugo's, Jekyll's, Hexo's and Ghost's names stand for ours, so their lines are where our keys' problems are.
        foreach (var (ours, theirs) in TheirNames)
        {
            if (!keyLines.ContainsKey(ours) && keyLines.TryGetValue(theirs, out var line))
            {
                keyLines[ours] = line;
            }
        }
        fields = fields with
        {
            KeyLines = keyLines,
            Excerpt = fields.Excerpt ?? fields.Summary ?? fields.Description,
            Language = fields.Language ?? fields.Lang,
            Tags = NameList.Clean([.. fields.Tags, .. fields.Categories]),
            CanonicalUrl = fields.CanonicalUrl ?? fields.TheirCanonicalUrl,
        };
        if (fields is { Cover: null, TheirCover: { } theirCover })
        {
            fields = fields with
            {
                Cover = theirCover with { AltText = fields.TheirCoverAlt ?? theirCover.AltText, Caption = fields.TheirCoverCaption ?? theirCover.Caption },
                CoverLine = fields.TheirCoverLine,
            };
        }
        if (fields is { PublishedAt: null, PublishDate: { } publishDate })
        {
            fields = fields with { PublishedAt = publishDate, PublishedAtLine = fields.PublishDateLine };
        }
        if (fields is { Authors: null, Author: [{ Details: null } one], AuthorDetails: { } details })
        {
            fields = fields with { Author = [one with { Details = details }] };
        }
        else if (fields.AuthorDetails is not null)
        {
            problems.Add(new ImportProblem(file, keyLines.GetValueOrDefault("author_title", keyLines.GetValueOrDefault("author_url", keyLines.GetValueOrDefault("author_image_url", 1))),
                "'author_title', 'author_url' and 'author_image_url' ignored: they describe the one author 'author' names.", ImportSeverity.Warning));
        }
        if (fields is { Authors: null, Author: { } author })
        {
            fields = fields with { Authors = author };
        }
        return fields is { PublishedAt: null, Date: { } date } ? fields with { PublishedAt = date, PublishedAtLine = fields.DateLine } : fields;
    }

    /// <summary>Their names for our keys, in the order they stand in for them (Hugo's publishDate before its date).</summary>
    private static readonly (string Ours, string Theirs)[] TheirNames =
    [
        ("authors", "author"), ("draft", "published"), ("publishedAt", "publishDate"), ("publishedAt", "published_at"), ("publishedAt", "pubDate"), ("publishedAt", "pubDatetime"), ("publishedAt", "date"),
        ("excerpt", "summary"), ("excerpt", "description"), ("language", "lang"), ("cover", "feature_image"),
        ("cover", "featured_image"), ("cover", "featureImage"), ("cover", "image"), ("cover", "images"), ("cover", "header"), ("cover", "coverImage"), ("cover", "cover_image"), ("cover", "heroImage"), ("cover", "thumbnail"), ("tags", "categories"),
        ("canonicalUrl", "canonical_url"), ("canonicalUrl", "canonicalURL"), ("aliases", "redirect_from"), ("aliases", "permalink"), ("aliases", "path"),
        ("tags", "tag"), ("tags", "category"), ("tags", "taxonomies"), ("draft", "unlisted"), ("draft", "eleventyExcludeFromCollections"), ("draft", "publish"),
    ];

    private FrontMatterFields IgnoreUnknownKey(FrontMatterFields fields, YamlNode keyNode, string what)
    {
        WarnIgnored(keyNode, what);
        return fields;
    }

    private const string PublicationDateKeys = "publishDate, published_at, pubDate or pubDatetime";

    private FrontMatterFields Ignore(FrontMatterFields fields, YamlNode keyNode, string why)
    {
        problems.Add(new ImportProblem(file, FileLine(keyNode.Start), why, ImportSeverity.Warning));
        return fields;
    }

    private void WarnIgnored(YamlNode keyNode, string what) =>
        problems.Add(new ImportProblem(file, FileLine(keyNode.Start), $"Unknown {what} ignored.", ImportSeverity.Warning));

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private int FileLine(Mark mark) => firstLine + (int)mark.Line - 1;

    private void Error(int line, string message) => problems.Add(new ImportProblem(file, line, message));
}
