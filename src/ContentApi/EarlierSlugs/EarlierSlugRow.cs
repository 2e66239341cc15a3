namespace ContentApi.EarlierSlugs;

/// <summary>An earlier slug of an author or a tag (migration 0032): no date is stored, and none comes from an import of Markdown.</summary>
public sealed record EarlierSlugRow : IEarlierSlugRow
{
    public long OwnerId { get; init; }
    public string Slug { get; init; } = "";

    public EarlierSlugResponse ToResponse() => new(Slug);
}
