using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http;

/// <summary>Write settings. Bound from the "Writes" section.</summary>
public sealed class WriteOptions
{
    public const string Section = "Writes";

    /// <summary>When true, PUT, PATCH and DELETE without If-Match get 428 Precondition Required.</summary>
    public bool RequireIfMatch { get; set; }
}

/// <summary>
/// The parsed If-Match header of an update or delete. Stores check it inside the write transaction,
/// so two editors can never overwrite each other unknowingly.
/// </summary>
public sealed record IfMatch(bool AnyVersion, IReadOnlyList<long> Versions)
{
    public static IfMatch Absent { get; } = new(true, []);

    public bool Allows(long currentVersion) => AnyVersion || Versions.Contains(currentVersion);

    /// <summary>Runs an update or delete with the request's If-Match, or answers the header's problem (400, 428).</summary>
    public static async Task<IResult> ThenAsync(HttpRequest request, Func<IfMatch, Task<IResult>> write) =>
        TryRead(request, out var ifMatch) is { } problem ? problem : await write(ifMatch);

    public static ProblemHttpResult? TryRead(HttpRequest request, out IfMatch ifMatch)
    {
        ifMatch = Absent;
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<WriteOptions>>().Value;
            return options.RequireIfMatch
                ? TypedResults.Problem(statusCode: 428, title: "Precondition Required",
                    detail: "This server requires If-Match on updates and deletes: send the ETag you last read.", type: ProblemTypes.PreconditionRequired)
                : null;
        }
        // "*" stands alone (RFC 9110 §13.1.1: "*" or a list of entity tags, not both).
        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0
            || tags.Count > 1 && tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad Request",
                detail: "If-Match must be '*' or a list of quoted ETags.", type: ProblemTypes.BadRequest);
        }
        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return null;
        }
        // Weak tags never match for If-Match (RFC 9110 §13.1.1): VersionOf returns null for them.
        ifMatch = new IfMatch(false, [.. tags.Select(ETags.VersionOf).OfType<long>()]);
        return null;
    }
}
