using ContentApi.Data;
using ContentApi.Http.Writes;
using ContentApi.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace ContentApi.Http.Errors;

/// <summary>The 409 of a create or replace whose slug another resource holds, or whose name another tag has: it names that resource.</summary>
/// <remarks>Describes the body for the OpenAPI document; the problem is written from the write's outcome (<see cref="WriteOutcome{TRow}.Conflict"/>).</remarks>
public sealed class SlugConflictProblemDetails : ProblemDetails
{
    [OmittedUnless("The id of the resource that holds the slug, or of the tag whose name is the one sent (tag names are unique in Unicode NFKC, ignoring case and format characters: find it rather than create another); absent for other conflicts (an Idempotency-Key still in use).")]
    public long ConflictingId { get; init; }

    [OmittedUnless("The detail filed under the member the conflict is about, `slug`, or `name` for a tag's name, as a 400 files its errors, so that a form shows it beside that field; absent for other conflicts (an Idempotency-Key still in use).")]
    public IDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
}

/// <summary>The 409 of a delete refused while the resource is in use: it names what uses it.</summary>
/// <remarks>Written from <see cref="InUse"/>.</remarks>
public sealed class InUseProblemDetails : ProblemDetails
{
    /// <summary>The articles that use the resource, the first 20 by id; empty when only authors use an image.</summary>
    public IReadOnlyList<ArticleReference> Articles { get; init; } = [];

    /// <summary>How many articles use the resource in all, drafts and scheduled ones included; 0 when only authors use an image.</summary>
    public long Total { get; init; }

    [OmittedUnless("The authors that use the image as their avatar, the first 20 by id; only when deleting an image.")]
    public IReadOnlyList<AuthorReference> Authors { get; init; } = [];
}
