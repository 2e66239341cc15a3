using ContentApi.Http.Writes;
using Microsoft.AspNetCore.Mvc;

namespace ContentApi.Http.Errors;

/// <summary>The 412 of a write whose preconditions refused it: it names the resource's current version and ETag.</summary>
/// <remarks>Describes the body for the OpenAPI document; the problem is written from <see cref="WriteOutcome{TRow}.PreconditionFailed"/>.</remarks>
public sealed class PreconditionFailedProblemDetails : ProblemDetails
{
    public const string CurrentVersionMember = "currentVersion";
    public const string CurrentETagMember = "currentETag";

    /// <summary>The resource's version now (its <c>version</c> member).</summary>
    public long CurrentVersion { get; init; }

    /// <summary>The resource's ETag now, as the ETag header of this response and of a read in the same coding: read again, or send it in If-Match.</summary>
    public string CurrentETag { get; init; } = "";
}
