using System.Globalization;

namespace ContentApi.Http.Writes;

/// <summary>
/// A PUT's preconditions are judged before its body, as a PATCH's are (RFC 9110 §13.2.1: after the request's normal
/// checks, before its content is processed): a caller whose copy is stale learns that (412), or that the resource is
/// gone (404), before being told what is wrong with a body it would rewrite anyway. Only a body that fails validation
/// costs the extra read; a valid one has its preconditions checked in the write's transaction as before.
/// </summary>
public sealed record PreconditionsFirst(Func<HttpContext, Task<IResult?>> RefusalAsync)
{
    /// <summary>The answer that comes before a 400 for the body: 400 for the headers, 404, 428, 412; null when none does.</summary>
    public static PreconditionsFirst For<TRow>(
        Func<IServiceProvider, long, CancellationToken, Task<TRow?>> load, Func<WriteOutcome<TRow>, HttpContext, IResult> toResult) where TRow : class, IVersioned =>
        new(async http =>
        {
            if (WritePreconditions.TryRead(http.Request, out var preconditions) is { } problem)
            {
                return problem;
            }
            if (!long.TryParse(http.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }
            var current = await load(http.RequestServices, id, http.RequestAborted);
            return preconditions.Refuse(current, out var refusal) ? toResult(refusal, http) : null;
        });
}

public static class PreconditionsFirstConventions
{
    public static RouteHandlerBuilder JudgesPreconditionsFirst(this RouteHandlerBuilder builder, PreconditionsFirst check) => builder.WithMetadata(check);
}
