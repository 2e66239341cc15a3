using ContentApi.Data;

namespace ContentApi.EarlierSlugs;

/// <summary>The kind whose earlier slugs a route lists or removes, and how its documentation names it.</summary>
/// <param name="Article">The indefinite article before <see cref="Noun"/>.</param>
/// <param name="DerivedFrom">What a derived slug of the kind is derived from, possessive.</param>
public sealed record EarlierSlugOwner(SluggedTable Table, string Name, string Article, string DerivedFrom)
{
    public static EarlierSlugOwner Articles { get; } = new(SluggedTable.Articles, "Article", "an", "a title's");

    public static EarlierSlugOwner Authors { get; } = new(SluggedTable.Authors, "Author", "an", "a name's");

    public static EarlierSlugOwner Tags { get; } = new(SluggedTable.Tags, "Tag", "a", "a name's");

    public string Noun => Name.ToLowerInvariant();

    /// <summary>The collection's path segment and OpenAPI tag, in lower case.</summary>
    public string Collection => Noun + "s";
}
