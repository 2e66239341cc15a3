namespace ContentApi.Articles;

/// <summary>
/// What a create or replace would refuse of a body (<see cref="ArticleStore.BodyProblemOf"/>): a <see cref="Refusal"/>
/// whatever the database holds, or the images it places that are neither listed nor the cover, whose message depends on
/// which of them exist.
/// </summary>
public sealed record BodyProblem(string? Refusal, List<long> UnlistedImageIds)
{
    public static BodyProblem None { get; } = new(null, []);
}
