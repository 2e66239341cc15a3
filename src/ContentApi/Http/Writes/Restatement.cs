using ContentApi.Http.Json;

namespace ContentApi.Http.Writes;

/// <summary>
/// A PUT or PATCH whose request, as the replace reads it, is the one the stored resource makes changes nothing: it is
/// answered with the resource as it is, with no new version, ETag, updatedAt, updatedBy or revision, and no cache or
/// deletions-feed churn. A desk that saves on every pause, or a sync job that puts everything again, fails no other
/// editor's If-Match.
/// </summary>
public static class Restatement
{
    /// <summary>Whether <paramref name="request"/> restates <paramref name="stored"/> (the stored resource as a request).</summary>
    public static bool ChangesNothing<TRequest>(TRequest stored, TRequest request) => JsonSetup.SameJson(stored, request);

    /// <summary>The answer to a write that changes nothing: the resource as it is (in a write transaction, rolled back).</summary>
    public static WriteOutcome<TRow> AsItIs<TRow>(TRow current) => new WriteOutcome<TRow>.Saved(current, Restated: true);
}
