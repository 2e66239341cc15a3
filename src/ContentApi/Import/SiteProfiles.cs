using ContentApi.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContentApi.Import;

/// <summary>
/// The authors and tags a site defines once, by key, for its posts to name: Docusaurus' <c>authors.yml</c> (each key a
/// mapping of <c>name</c>, <c>title</c>, <c>url</c>, <c>image_url</c>, <c>email</c>) and <c>tags.yml</c> (<c>label</c>,
/// <c>permalink</c>, <c>description</c>), MkDocs Material's <c>.authors.yml</c> (the same under <c>authors:</c>, with
/// <c>description</c> and <c>avatar</c>). A post naming a key (<c>authors: [slorber]</c>) names that author, whose slug is
/// the key, as the site's author page URL has it. Keys besides those (Docusaurus' <c>page</c> and <c>socials</c>) are
/// not read.
/// </summary>
public sealed record SiteProfiles(IReadOnlyDictionary<string, NamedRef> Authors, IReadOnlyDictionary<string, NamedRef> Tags)
{
    public static SiteProfiles None { get; } = new(new Dictionary<string, NamedRef>(), new Dictionary<string, NamedRef>());

    /// <summary>The file names read, and whether each defines authors (else tags).</summary>
    public static readonly IReadOnlyList<(string Name, bool OfAuthors)> FileNames = [("authors.yml", true), (".authors.yml", true), ("tags.yml", false)];

    /// <summary>
    /// The authors or tags a file names, each entry of a name alone that is a key of <paramref name="byKey"/> as that
    /// key's; two keys of one slug name one author or tag, which a warning says.
    /// </summary>
    public static IReadOnlyList<NamedRef> Resolve(
        IReadOnlyList<NamedRef> named, IReadOnlyDictionary<string, NamedRef>? byKey, string file, int line, List<ImportProblem> problems)
    {
        if (byKey is null or { Count: 0 })
        {
            return named;
        }
        var keysBySlug = new Dictionary<string, string>(StringComparer.Ordinal);
        var resolved = new List<NamedRef>();
        foreach (var entry in named)
        {
            if (entry is not { Slug: null, Details: null } || !byKey.TryGetValue(entry.Name, out var defined))
            {
                resolved.Add(entry);
                continue;
            }
            if (defined.Slug is { } slug && !keysBySlug.TryAdd(slug, entry.Name) && keysBySlug[slug] != entry.Name)
            {
                problems.Add(new ImportProblem(file, line,
                    $"'{entry.Name}' and '{keysBySlug[slug]}' are defined with one slug, '{slug}', so they name one: '{byKey[keysBySlug[slug]].Name}'.", ImportSeverity.Warning));
            }
            resolved.Add(defined);
        }
        return NameList.Clean(resolved);
    }

    /// <summary>The entries of one such file by key; what cannot be read is a warning at its line, and that entry or value is left out.</summary>
    public static IReadOnlyDictionary<string, NamedRef> Read(string file, string yaml, bool ofAuthors, List<ImportProblem> problems)
    {
        var entries = new Dictionary<string, NamedRef>(StringComparer.Ordinal);
        YamlNode? root;
        if (YamlShape.Unsafe(yaml) is var (at, problem, _))
        {
            Warn(at, $"{problem}, so its entries are not read.");
            return entries;
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException or ArgumentException)
        {
            Warn(exception is YamlException yamlException ? yamlException.Start : Mark.Empty, "not valid YAML, so its entries are not read.");
            return entries;
        }
        if (root is YamlMappingNode { Children: var top } && Path.GetFileName(file) == ".authors.yml")
        {
            root = top.FirstOrDefault(entry => entry.Key is YamlScalarNode { Value: "authors" }).Value;
        }
        if (root is not YamlMappingNode mapping)
        {
            Warn(root?.Start ?? Mark.Empty, "not a mapping of keys to entries, so it is not read.");
            return entries;
        }
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { Length: > 0 } key } && value is YamlMappingNode entry && Entry(key, entry) is { } named)
            {
                entries[key] = named;
            }
            else if (value is not YamlMappingNode)
            {
                Warn(keyNode.Start, "an entry is a mapping of its name and details: left out.");
            }
            else if (keyNode is not YamlScalarNode { Value.Length: > 0 })
            {
                Warn(keyNode.Start, "an entry without a key, which no post can name: left out.");
            }
        }
        return entries;

        NamedRef? Entry(string key, YamlMappingNode entry)
        {
            string? name = null, permalink = null;
            var details = new NamedDetails();
            foreach (var (subkeyNode, valueNode) in entry.Children)
            {
                if (subkeyNode is not YamlScalarNode { Value: { } subkey } || valueNode is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }
                if (subkey == (ofAuthors ? "name" : "label"))
                {
                    name = text.Trim();
                }
                else if (subkey == "permalink" && !ofAuthors)
                {
                    permalink = text;
                }
                else if (NamedDetailsKeys.TryRead(subkey, text.Trim(), ofAuthors, ref details, out var refusal) && refusal is not null)
                {
                    Warn(valueNode.Start, refusal);
                }
            }
            if (name is null && ofAuthors)
            {
                Warn(entry.Start, $"'{key}' gives no 'name': left out.");
                return null;
            }
            var slug = (permalink is null ? null : EarlierSlugPath.SlugOf(permalink)) ?? Slugs.FromText(key, fallback: "");
            return new NamedRef(name ?? key, slug.Length > 0 ? slug : null, details == new NamedDetails() ? null : details);
        }

        void Warn(Mark at, string message) =>
            problems.Add(new ImportProblem(file, at.Line > 0 ? (int)at.Line : 1, message, ImportSeverity.Warning));
    }
}
