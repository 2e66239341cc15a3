using ContentApi.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContentApi.Import;

/// <summary>The lists of front matter: authors and tags (names, or names with slugs and details), earlier URLs and image ids.</summary>
internal sealed partial class FrontMatterReader
{
    /// <summary>The slugs of a post's earlier URLs, given as one path or a list of them; a path that names no slug is ignored with a warning.</summary>
    private List<EarlierSlug> EarlierSlugs(string key, YamlNode node)
    {
        IEnumerable<YamlNode> paths = node switch
        {
            YamlScalarNode scalar when IsNull(scalar) => [],
            YamlScalarNode { Value: { } one } scalar when SeveralPaths().IsMatch(one) => Warn(scalar, $"'{key}' gives several paths in one text, '{one}': write them as a list, one path an entry. Ignored."),
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode sequence => OncePerNode(sequence.Children.Where(path => !IsNull(path))),
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
                foreach (var item in OncePerNode(sequence.Children.SelectMany(item => key == "categories" ? HexoCategoryPath(item) : [item])))
                {
                    if (item is YamlScalarNode blank && (IsNull(blank) || string.IsNullOrWhiteSpace(blank.Value)))
                    {
                        problems.Add(new ImportProblem(file, FileLine(item.Start), $"An entry of '{key}' is blank: it is left out.", ImportSeverity.Warning));
                        continue;
                    }
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
    /// Each entry once: an alias (<c>*a</c>) is the anchored node itself, so an entry repeated by alias that is wrong
    /// (a list where a name goes) was told again and again, at the anchor's line.
    /// </summary>
    private static IEnumerable<YamlNode> OncePerNode(IEnumerable<YamlNode> entries) => entries.Distinct<YamlNode>(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Hexo's categories may be paths, each a list (<c>- [Diary, PlayStation]</c>: PlayStation under Diary): each category
    /// of one is a tag, as tags have no hierarchy.
    /// </summary>
    private static IEnumerable<YamlNode> HexoCategoryPath(YamlNode item) => item is YamlSequenceNode path ? path.Children : [item];

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
        var refused = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        foreach (var item in sequence.Children)
        {
            if (ImageId(item) is { } id)
            {
                ids.Add(id);
            }
            else if (refused.Add(item))
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
}
