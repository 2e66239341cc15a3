using System.Text.Json;
using ContentApi.Http.Caching;
using ContentApi.Http.Errors;
using ContentApi.Http.Json;

namespace ContentApi.Http.Writes;

/// <summary>Turns a store's <see cref="WriteOutcome{TRow}"/> into the HTTP answer; shared by every resource.</summary>
public static class WriteResults
{
    public static IResult ToResult<TRow, TResponse>(
        WriteOutcome<TRow> outcome, string resourceName, Func<TRow, TResponse> toResponse, Func<TRow, long> versionOf,
        Func<TRow, DateTimeOffset?> lastModifiedOf, Func<TRow, string>? locationOf = null) where TRow : IVersioned
    {
        // The collection the resource's URL names ("Tag" → tags), which its ETags' check names.
        ResourceVersion Named(TRow row) => new(resourceName.ToLowerInvariant() + "s", row.Id, versionOf(row));
        return outcome switch
        {
            WriteOutcome<TRow>.Saved saved when locationOf is not null =>
                Representation.Created(toResponse(saved.Row), Named(saved.Row), lastModifiedOf(saved.Row), locationOf(saved.Row)),
            WriteOutcome<TRow>.Saved saved => Representation.Ok(toResponse(saved.Row), Named(saved.Row), lastModifiedOf(saved.Row)),
            WriteOutcome<TRow>.Deleted => TypedResults.NoContent(),
            WriteOutcome<TRow>.Missing => Problems.NotFound(resourceName),
            WriteOutcome<TRow>.IfMatchRequired => Problems.IfMatchRequired(),
            WriteOutcome<TRow>.PreconditionFailed failed => new PreconditionFailedResult(
                    failed is WriteOutcome<TRow>.Excluded ? ProblemCodes.VersionExcluded
                    : failed is WriteOutcome<TRow>.Stale { WeakTagsOnly: true } ? ProblemCodes.WeakEtag
                    : ProblemCodes.VersionMismatch,
                    failed is WriteOutcome<TRow>.Excluded
                    ? $"If-None-Match excludes the {resourceName.ToLowerInvariant()}'s current version ({versionOf(failed.Current)}), so the change was not applied."
                    : failed is WriteOutcome<TRow>.Stale { WeakTagsOnly: true }
                    ? "If-Match names only weak ETags (W/\"...\"), which never match a write (RFC 9110 compares them strongly). Send the ETag as the API sent it, " +
                      "or the one in this response; a proxy that compresses responses may have weakened it."
                    : failed is WriteOutcome<TRow>.Stale { ForeignTags: true }
                    ? $"If-Match names no version of this {resourceName.ToLowerInvariant()}: its ETag is another resource's, made up, or sent by a build before ETags named their resource. " +
                      $"Read the {resourceName.ToLowerInvariant()} again (it is at version {versionOf(failed.Current)}) and retry with its ETag, the one in this response."
                    : failed is WriteOutcome<TRow>.Stale { ModifiedSinceDate: true }
                    ? $"The {resourceName.ToLowerInvariant()} has been modified since the date in If-Unmodified-Since (it is now at version {versionOf(failed.Current)}), so the change was not applied. Read it again and retry."
                    : $"The {resourceName.ToLowerInvariant()} has changed since you read it (it is now at version {versionOf(failed.Current)}). Read it again and retry with the new ETag.",
                Named(failed.Current), JsonSerializer.SerializeToUtf8Bytes(toResponse(failed.Current), JsonSetup.Options)),
            WriteOutcome<TRow>.Conflict conflict => Problems.Conflict(conflict.Code, conflict.Detail, conflict.Extensions),
            WriteOutcome<TRow>.Invalid invalid => Problems.Validation(invalid.Errors),
            _ => throw new InvalidOperationException("Unknown write outcome."),
        };
    }

    /// <summary>
    /// 412 that carries the current ETag, so the client can re-read or retry knowingly: the one a read in the same
    /// coding would send, which is the one the client compares. The problem names it and the version as members
    /// (<see cref="PreconditionFailedProblemDetails"/>), for clients that read only the body.
    /// </summary>
    private sealed class PreconditionFailedResult(string code, string detail, ResourceVersion resource, byte[] representation) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var etag = ETags.ForResource(resource, representation, Representation.CodingFor(httpContext));
            httpContext.Response.Headers.ETag = etag;
            return Problems.PreconditionFailed(code, detail, new Dictionary<string, object?>
            {
                [PreconditionFailedProblemDetails.CurrentVersionMember] = resource.Version,
                [PreconditionFailedProblemDetails.CurrentETagMember] = etag,
            }).ExecuteAsync(httpContext);
        }
    }
}
