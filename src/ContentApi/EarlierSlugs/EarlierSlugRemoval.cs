using ContentApi.Http.Writes;

namespace ContentApi.EarlierSlugs;

/// <summary>What removing an earlier slug came to; only a removal changes anything (and so advances the content version).</summary>
public sealed record EarlierSlugRemoval(bool Changed, bool OwnerFound) : IWriteResult
{
    public static EarlierSlugRemoval Removed { get; } = new(true, true);

    public static EarlierSlugRemoval NoSuchOwner { get; } = new(false, false);

    public static EarlierSlugRemoval NoSuchSlug { get; } = new(false, true);
}
