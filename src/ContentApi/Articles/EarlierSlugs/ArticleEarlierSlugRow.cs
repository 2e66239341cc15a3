using ContentApi.EarlierSlugs;

namespace ContentApi.Articles.EarlierSlugs;

/// <summary>An earlier slug of an article as the database holds it (migrations 0019 and 0024): no date is stored.</summary>
public sealed record ArticleEarlierSlugRow : IEarlierSlugRow
{
    public long OwnerId { get; init; }
    public string Slug { get; init; } = "";
    public bool FromImport { get; init; }

    public ArticleEarlierSlugResponse ToResponse() => new(Slug, FromImport);
}
