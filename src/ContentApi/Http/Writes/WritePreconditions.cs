using System.Diagnostics.CodeAnalysis;
using ContentApi.Http.Caching;
using ContentApi.Http.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ContentApi.Http.Writes;

/// <summary>
/// The If-Match and If-None-Match headers of an update or delete, as versions. Stores check them inside the write
/// transaction, so two editors can never overwrite each other unknowingly. Only the version and check before an ETag's
/// hyphen are compared (<see cref="ResourceVersion"/>): any representation of this resource's version (other include,
/// fields or format) names it, another resource's does not.
/// </summary>
/// <param name="AnyVersion">No If-Match, or If-Match: *.</param>
/// <param name="Versions">The versions If-Match names (none when only weak or foreign tags were sent: nothing matches).</param>
/// <param name="ExcludesAny">If-None-Match: * (the resource exists whenever a write gets to check it, so the write is refused).</param>
/// <param name="ExcludedVersions">The versions If-None-Match names.</param>
/// <param name="UnmodifiedSince">
/// If-Unmodified-Since, when sent without If-Match (which supersedes it, RFC 9110 §13.1.4) and a valid HTTP date; only
/// resources with a modification date (those that send Last-Modified) compare it.
/// </param>
/// <param name="ReceivedAt">When the request came, by the app's clock: a modification date later than that compares as
/// that time, as the Last-Modified a read sends (never later than its Date) does.</param>
/// <param name="WeakTagsOnly">If-Match names only weak tags (as a proxy that compresses responses makes of an ETag).</param>
/// <param name="ForeignTagsOnly">If-Match's strong tags name no version of this resource: another resource's, made up, or sent by an earlier build.</param>
/// <param name="IfMatchMissing">
/// `Writes:RequireIfMatch` is on and the request has no If-Match: refused (428) once the resource is known to exist, so
/// that a missing one is a 404 as it is for everyone else.
/// </param>
/// <param name="Judged">
/// The version a PUT's body was judged against, leaving aside errors about values it restates (see
/// <see cref="JudgedVersion"/>): once the caller's own preconditions hold, another version refuses the write as
/// <see cref="WriteOutcome{TRow}.Stale"/> and marks it overtaken, so that the body is judged again.
/// </param>
public sealed record WritePreconditions(
    bool AnyVersion, IReadOnlyList<long> Versions, bool ExcludesAny, IReadOnlyList<long> ExcludedVersions,
    DateTimeOffset? UnmodifiedSince = null, DateTimeOffset? ReceivedAt = null, bool IfMatchMissing = false, bool WeakTagsOnly = false,
    JudgedVersion? Judged = null, bool ForeignTagsOnly = false)
{
    public static WritePreconditions Absent { get; } = new(true, [], false, []);

    /// <summary>Whether If-Match lets a write of <paramref name="currentVersion"/> through.</summary>
    public bool Matches(long currentVersion) => AnyVersion || Versions.Contains(currentVersion);

    /// <summary>Whether If-Unmodified-Since refuses a write of a resource last modified at <paramref name="lastModified"/>.</summary>
    public bool ModifiedSince(DateTimeOffset? lastModified) =>
        UnmodifiedSince is { } since && lastModified is { } modified && HttpDate.ModifiedAfter(ReceivedAt is { } now ? HttpDate.NotAfter(modified, now) : modified, since);

    /// <summary>
    /// Whether an update or delete of <paramref name="current"/> (read in the write's transaction) must be refused:
    /// <see cref="WriteOutcome{TRow}.Missing"/> when there is no such row, <see cref="WriteOutcome{TRow}.Stale"/> when
    /// If-Match names another version (or, without If-Match, If-Unmodified-Since is before its modification date),
    /// <see cref="WriteOutcome{TRow}.Excluded"/> when If-None-Match names this one (RFC 9110 §13.2.2's order); then
    /// <see cref="WriteOutcome{TRow}.Stale"/> when it is not the version the body was judged against (<see cref="Judged"/>).
    /// </summary>
    public bool Refuse<TRow>([NotNullWhen(false)] TRow? current, [NotNullWhen(true)] out WriteOutcome<TRow>? refusal) where TRow : class, IVersioned
    {
        refusal = current is null ? new WriteOutcome<TRow>.Missing()
            : IfMatchMissing ? new WriteOutcome<TRow>.IfMatchRequired()
            : !Matches(current.Version) ? new WriteOutcome<TRow>.Stale(current, WeakTagsOnly, ForeignTags: ForeignTagsOnly)
            : ModifiedSince(current.ModifiedAt) ? new WriteOutcome<TRow>.Stale(current, ModifiedSinceDate: true)
            : Excludes(current.Version) ? new WriteOutcome<TRow>.Excluded(current)
            : Judged is { } judged && !judged.Holds(current.Version) ? new WriteOutcome<TRow>.Stale(current)
            : null;
        return refusal is not null;
    }

    /// <summary>Whether If-None-Match refuses a write of <paramref name="currentVersion"/>.</summary>
    public bool Excludes(long currentVersion) => ExcludesAny || ExcludedVersions.Contains(currentVersion);

    /// <summary>These preconditions with If-Match pinned to one version (a merge patch applied to the version it read).</summary>
    public WritePreconditions PinnedTo(long version) => this with { AnyVersion = false, Versions = [version], WeakTagsOnly = false, ForeignTagsOnly = false };

    /// <summary>
    /// Runs an update or delete with the request's preconditions (and the version its body was judged against, if any:
    /// <see cref="JudgedVersion"/>), or answers the headers' problem (400).
    /// </summary>
    public static async Task<IResult> ThenAsync(HttpRequest request, Func<WritePreconditions, Task<IResult>> write) =>
        TryRead(request, out var preconditions) is { } problem ? problem
        : await write(preconditions with { Judged = request.HttpContext.Features.Get<JudgedVersion>() });

    public static ValidationProblem? TryRead(HttpRequest request, out WritePreconditions preconditions)
    {
        preconditions = Absent;
        Func<long, ResourceVersion?> resource = version => ResourceVersion.OfRoute(request, version);
        var ifMatch = request.Headers.IfMatch;
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifMatch.Count == 0)
        {
            preconditions = preconditions with
            {
                UnmodifiedSince = HttpDate.ParseHeader(request.Headers.IfUnmodifiedSince),
                ReceivedAt = (request.HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow(),
            };
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<WriteOptions>>().Value;
            preconditions = preconditions with { IfMatchMissing = options.RequireIfMatch };
        }
        else if (!ETags.TryParseConditional(ifMatch, out var matching))
        {
            return Problems.MalformedEntityTags("If-Match");
        }
        else if (!matching.Any(ETags.IsAny))
        {
            // Weak tags never match for If-Match (RFC 9110 §13.1.1): VersionOf returns null for them.
            var versions = matching.Select(t => ETags.VersionOf(t, resource)).OfType<long>().ToList();
            preconditions = preconditions with
            {
                AnyVersion = false,
                Versions = versions,
                WeakTagsOnly = matching.All(t => t.IsWeak),
                ForeignTagsOnly = versions.Count == 0 && matching.Any(t => !t.IsWeak),
            };
        }
        if (ifNoneMatch.Count == 0)
        {
            return null;
        }
        if (!ETags.TryParseConditional(ifNoneMatch, out var excluded))
        {
            return Problems.MalformedEntityTags("If-None-Match");
        }
        // If-None-Match compares weakly (RFC 9110 §13.1.2): a weak tag names its version as well.
        preconditions = preconditions with
        {
            ExcludesAny = excluded.Any(ETags.IsAny),
            ExcludedVersions = [.. excluded.Select(t => ETags.VersionNamedBy(t, resource)).OfType<long>()],
        };
        return null;
    }
}
