namespace ContentApi.Images;

/// <summary>
/// What an image edit was judged on before it queued (<see cref="PlacingArticlesHtml.JudgeOnSnapshotAsync"/>): the
/// image's version, each article listing it with what its HTML depends on (<see cref="PlacingArticlesHtml.ListingAsync"/>:
/// its version, and the id and version of every image it lists), and those the edit would push past the bound. In the
/// write only the articles whose state differs now are judged again, so the answer is the one a judgement made in the
/// write would give.
/// </summary>
internal sealed record PlacingArticlesJudgement(long ImageVersion, IReadOnlyDictionary<long, string> Listing, IReadOnlySet<long> Broken)
{
    /// <summary>The articles listing the image <paramref name="now"/> that were not judged in the state they are in: edited, listing other images or other versions of them, or listing this one since.</summary>
    public IReadOnlyList<long> ToJudgeAgain(IReadOnlyDictionary<long, string> now) =>
        [.. now.Where(article => !Listing.TryGetValue(article.Key, out var judged) || judged != article.Value).Select(article => article.Key).Order()];

    /// <summary>The articles judged broken that are still in the state they were judged in <paramref name="now"/>.</summary>
    public IReadOnlyList<long> StillBroken(IReadOnlyDictionary<long, string> now) =>
        [.. Broken.Where(id => now.TryGetValue(id, out var state) && state == Listing[id]).Order()];
}
