using ContentApi.Http.Json;
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
                "feature_image" or "featured_image" or "featureImage" or "image" or "coverImage" or "cover_image" or "heroImage" when fields.TheirCover is null =>
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
        ("cover", "featured_image"), ("cover", "featureImage"), ("cover", "image"), ("cover", "images"), ("cover", "header"), ("cover", "coverImage"), ("cover", "cover_image"), ("cover", "heroImage"), ("tags", "categories"),
        ("canonicalUrl", "canonical_url"), ("canonicalUrl", "canonicalURL"), ("aliases", "redirect_from"), ("aliases", "permalink"), ("aliases", "path"),
        ("tags", "tag"), ("tags", "category"), ("tags", "taxonomies"), ("draft", "unlisted"), ("draft", "eleventyExcludeFromCollections"), ("draft", "publish"),
    ];

    /// <summary>
    /// A cover under another generator's name: taken when it is an absolute http(s) URL or a stored image, as
    /// <c>cover</c> must be; one that is not (a theme's <c>image: /assets/a.png</c>, relative to a site this import does
    /// not have) is ignored with a warning, as the key was before it was read.
    /// </summary>
    private CoverImageRef? TheirCover(string key, YamlNode node)
    {
        if (node is not YamlScalarNode || Text(key, node) is not { } written)
        {
            problems.Add(new ImportProblem(file, FileLine(node.Start), $"'{key}' ignored: a cover is one URL.", ImportSeverity.Warning));
            return null;
        }
        var url = ImageBaseUrl.Resolve(imagePage, CoverInImagesFolder.PathOf(written, fileExistsBeside));
        if (TextRules.IsHttpUrl(url) || ImageReferences.ParseId(url) is not null)
        {
            return new CoverImageRef(url);
        }
        problems.Add(new ImportProblem(file, FileLine(node.Start),
            $"'{key}' ignored: '{url}' is not an absolute http(s) URL, which a cover needs (give the image's URL as 'cover', or where the site is served as import's --image-base-url).", ImportSeverity.Warning));
        return null;
    }

    /// <summary>
    /// A cover given as a mapping by a Jekyll plugin or theme: jekyll-seo-tag's <c>image: {path, alt}</c>, Minimal
    /// Mistakes' <c>header: {image, overlay_image, teaser, image_description, caption}</c>. The first of
    /// <paramref name="urlKeys"/> present is the picture; the rest of the mapping (sizes, the theme's colours and
    /// buttons) is ignored with a warning. None present: the whole key is ignored with a warning.
    /// </summary>
    private CoverImageRef? TheirCoverMapping(YamlNode keyNode, YamlMappingNode mapping, string[] urlKeys, string altKey, string? captionKey)
    {
        var key = ((YamlScalarNode)keyNode).Value;
        var picture = mapping.Children
            .Where(entry => entry.Key is YamlScalarNode { Value: { } name } && urlKeys.Contains(name))
            .OrderBy(entry => Array.IndexOf(urlKeys, ((YamlScalarNode)entry.Key).Value))
            .FirstOrDefault();
        if (picture.Key is null)
        {
            WarnIgnored(keyNode, $"front-matter key '{key}' (it names no picture)");
            return null;
        }
        string? alt = null, caption = null;
        foreach (var (subkeyNode, value) in mapping.Children)
        {
            var subkey = (subkeyNode as YamlScalarNode)?.Value ?? "";
            if (subkey == altKey)
            {
                alt = Text($"{key}.{subkey}", value);
            }
            else if (subkey == captionKey)
            {
                caption = Text($"{key}.{subkey}", value);
            }
            else if (subkeyNode != picture.Key)
            {
                WarnIgnored(subkeyNode, $"key '{subkey}' under '{key}'");
            }
        }
        var pictureKey = ((YamlScalarNode)picture.Key).Value;
        return TheirCover($"{key}.{pictureKey}", picture.Value) is { } cover ? cover with { AltText = alt, Caption = caption } : null;
    }

    private string? Text(string key, YamlNode node)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(FileLine(node.Start), $"'{key}' must be a single text value.");
            return null;
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

    /// <summary>The slugs of a post's earlier URLs, given as one path or a list of them; a path that names no slug is ignored with a warning.</summary>
    private List<EarlierSlug> EarlierSlugs(string key, YamlNode node)
    {
        IEnumerable<YamlNode> paths = node switch
        {
            YamlScalarNode scalar when IsNull(scalar) => [],
            YamlScalarNode { Value: { } one } scalar when SeveralPaths().IsMatch(one) => Warn(scalar, $"'{key}' gives several paths in one text, '{one}': write them as a list, one path an entry. Ignored."),
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode sequence => sequence.Children.Where(path => !IsNull(path)),
            _ => Warn(node, $"'{key}' ignored: it must be a list of the post's earlier URLs or paths."),
        };
        var slugs = new List<EarlierSlug>();
        foreach (var path in paths)
        {
            if (path is YamlScalarNode { Value: { } written } && EarlierSlugPath.SlugOf(written) is { } slug)
            {
                slugs.Add(new EarlierSlug(slug, FileLine(path.Start)));
                continue;
            }
            var shown = path is YamlScalarNode scalar ? $"'{scalar.Value}'" : "an entry that is no text";
            Warn(path, $"'{key}' gives {shown}, whose last segment names no post (no slug the API takes, or a number, a date's or a listing page's), so it leads nowhere: ignored. {TextRules.SlugMessage}");
        }
        return slugs;

        IEnumerable<YamlNode> Warn(YamlNode at, string message)
        {
            problems.Add(new ImportProblem(file, FileLine(at.Start), message, ImportSeverity.Warning));
            return [];
        }
    }

    /// <summary>Two paths or URLs in one text, as <c>/a/, /b/</c> or <c>https://x/a/ https://x/b/</c>: a comma, semicolon or space before another.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[,;\s]\s*(?:/|[a-z][a-z0-9+.-]*://)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SeveralPaths();

    private IReadOnlyList<NamedRef> Names(string key, YamlNode node, Func<string, IReadOnlyList<string>> split)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return IsNull(scalar) ? [] : [.. split(scalar.Value ?? "").Select(name => new NamedRef(name))];
            case YamlMappingNode mapping:
                return NameAndSlug(key, mapping) is { } one ? [one] : [];
            case YamlSequenceNode sequence:
                var names = new List<NamedRef>();
                var namesBySlug = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var item in sequence.Children.SelectMany(item => key == "categories" ? HexoCategoryPath(item) : [item]))
                {
                    if ((item is YamlMappingNode entry ? NameAndSlug(key, entry) : Text(key, item) is { } name ? new NamedRef(name) : null) is not { } named)
                    {
                        continue;
                    }
                    if (named.Slug is { } slug && !namesBySlug.TryAdd(slug, named.Name) && namesBySlug[slug] != named.Name)
                    {
                        problems.Add(new ImportProblem(file, FileLine(item.Start),
                            $"'{key}' names slug '{slug}' again, as '{named.Name}': the first entry, '{namesBySlug[slug]}', is kept.", ImportSeverity.Warning));
                    }
                    names.Add(named);
                }
                return NameList.Clean(names);
            default:
                Error(FileLine(node.Start), $"'{key}' must be a list of names or one text value.");
                return [];
        }
    }

    /// <summary>
    /// Hexo's categories may be paths, each a list (<c>- [Diary, PlayStation]</c>: PlayStation under Diary): each category
    /// of one is a tag, as tags have no hierarchy.
    /// </summary>
    private static IEnumerable<YamlNode> HexoCategoryPath(YamlNode item) => item is YamlSequenceNode path ? path.Children : [item];

    /// <summary>A slug as stored, whichever spelling of Thai ำ or Lao ຳ the file has (an export of an earlier build wrote the pair).</summary>
    private static string? Slug(string? slug) => slug is null ? null : Slugs.InStoredSpelling(slug);

    /// <summary>
    /// An entry written <c>{name: Jane Doe, slug: jane-doe-2}</c>, as an export writes them (or one such entry in place of
    /// the list); an author's also with what Docusaurus and vuepress-theme-hope write of one (<c>title</c>, <c>url</c>,
    /// <c>image_url</c>, <c>email</c>: <see cref="NamedDetailsKeys"/>), a tag's with a <c>description</c>.
    /// </summary>
    private NamedRef? NameAndSlug(string key, YamlMappingNode mapping)
    {
        string? name = null, slug = null;
        var details = new NamedDetails();
        foreach (var (subkeyNode, value) in mapping.Children)
        {
            switch ((subkeyNode as YamlScalarNode)?.Value ?? "")
            {
                case "name":
                    name = Text($"{key}.name", value);
                    break;
                case "slug":
                    slug = Slug(Text($"{key}.slug", value));
                    if (slug is null && value is YamlScalarNode)
                    {
                        Error(FileLine(value.Start), $"'{key}.slug' is empty: leave it out to find or create the entry by its name.");
                    }
                    break;
                case var subkey when value is YamlScalarNode && Text($"{key}.{subkey}", value) is { } text &&
                    NamedDetailsKeys.TryRead(subkey, text.Trim(), key is "authors" or "author", ref details, out var refusal):
                    if (refusal is not null)
                    {
                        problems.Add(new ImportProblem(file, FileLine(value.Start), refusal, ImportSeverity.Warning));
                    }
                    break;
                default:
                    WarnIgnored(subkeyNode, $"key '{(subkeyNode as YamlScalarNode)?.Value}' under '{key}'");
                    break;
            }
        }
        if (name is null)
        {
            Error(FileLine(mapping.Start), $"An entry of '{key}' written as a mapping needs a 'name'.");
            return null;
        }
        return new NamedRef(name, slug, details == new NamedDetails() ? null : details);
    }

    /// <summary>Ids as the API takes them: whole numbers from 1, written as a list (<c>[41, 7]</c> or one per line); null for none given.</summary>
    private List<long>? ImageIds(YamlNode node)
    {
        if (IsNull(node))
        {
            return null;
        }
        if (node is not YamlSequenceNode sequence)
        {
            Error(FileLine(node.Start), "'imageIds' must be a list of image ids, such as [41, 7].");
            return [];
        }
        var ids = new List<long>();
        foreach (var item in sequence.Children)
        {
            if (ImageId(item) is { } id)
            {
                ids.Add(id);
            }
            else
            {
                Error(FileLine(item.Start), $"'imageIds' must hold image ids: {WhyNoImageId(item)}.");
            }
        }
        return ids;
    }

    private static long? ImageId(YamlNode item) =>
        item is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text } &&
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;

    private static string WhyNoImageId(YamlNode item) => item switch
    {
        YamlScalarNode { Style: not ScalarStyle.Plain } quoted => $"'{quoted.Value}' is quoted; write an id as a bare number",
        YamlScalarNode { Value: { } text } when text.Length > 0 && text.All(char.IsAsciiDigit) && text.Any(digit => digit != '0') => $"{text} is past the largest id",
        YamlScalarNode scalar => $"'{scalar.Value}' is not a whole number from 1",
        _ => "a list or mapping is not one",
    };

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
        Error(FileLine(node.Start), $"Unsupported {key} format '{text}'; use {FrontMatterDate.SupportedFormats}.");
        return null;
    }

    private CoverImageRef? Cover(YamlNode keyNode, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return Text("cover", node) is { } plainUrl ? new CoverImageRef(ImageBaseUrl.Resolve(imagePage, plainUrl)) : null;
        }
        if (node is not YamlMappingNode mapping)
        {
            Error(FileLine(node.Start), "'cover' must be a URL or a mapping with 'url' and 'alt'.");
            return null;
        }
        string? url = null, alt = null, caption = null;
        foreach (var (subkeyNode, value) in mapping.Children)
        {
            var key = (subkeyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "url":
                    url = Text("cover.url", value);
                    break;
                case "image" when url is null:
                    url = Text("cover.image", value); // Hugo themes' (PaperMod's) name for it
                    break;
                case "alt":
                    alt = Text("cover.alt", value);
                    break;
                case "caption":
                    caption = Text("cover.caption", value);
                    break;
                default:
                    WarnIgnored(subkeyNode, $"key '{key}' under 'cover'");
                    break;
            }
        }
        if (url is null)
        {
            Error(FileLine(keyNode.Start), "'cover' needs a 'url'.");
            return null;
        }
        return new CoverImageRef(ImageBaseUrl.Resolve(imagePage, url), alt, caption);
    }

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
