namespace ContentApi.EarlierSlugs;

/// <summary>An earlier slug as the database holds it: the slug and the id of the article, author or tag it leads to.</summary>
public interface IEarlierSlugRow
{
    long OwnerId { get; }

    string Slug { get; }
}
