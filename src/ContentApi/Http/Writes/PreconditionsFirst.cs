using System.Globalization;
using ContentApi.Http.Errors;
using ContentApi.Http.Pipeline;
using FluentValidation;
using FluentValidation.Results;

namespace ContentApi.Http.Writes;

/// <summary>
/// A PUT's preconditions are judged before its body, as a PATCH's are (RFC 9110 §13.2.1: after the request's normal
/// checks, before its content is processed): a caller whose copy is stale learns that (412), or that the resource is
/// gone (404), before being told what is wrong with a body it would rewrite anyway. Only a body that fails validation
/// costs the extra read; a valid one has its preconditions checked in the write's transaction as before. That read also
/// judges the body as a PATCH is judged (<see cref="AnswerableErrors"/>): a value stored before a rule existed, which
/// the body restates, is not held against it.
/// </summary>
public abstract class PreconditionsFirst
{
    private PreconditionsFirst() { }

    /// <summary>The answer that comes before a 400 for the body: 400 for the headers, 404, 428, 412; null when none does.</summary>
    public abstract Task<IResult?> RefusalAsync(HttpContext http);

    /// <summary>
    /// The answer to a body (<paramref name="argument"/>) that failed validation (<paramref name="invalid"/>): the
    /// <see cref="RefusalAsync"/> that comes first; else a 400 for the errors it is answerable for against the resource
    /// as stored; else null, when it restates every value it was refused for: the write goes on, pinned to the version
    /// judged (<see cref="JudgedVersion"/>, set on the request).
    /// </summary>
    public abstract Task<IResult?> AnswerInvalidAsync(HttpContext http, object argument, IValidator validator, ValidationResult invalid);

    /// <param name="load">The resource as stored, by id.</param>
    /// <param name="toRequest">The stored resource as a request (the one a PATCH merges onto).</param>
    /// <param name="toResult">The answer to a refusal.</param>
    public static PreconditionsFirst For<TRow, TRequest>(
        Func<IServiceProvider, long, CancellationToken, Task<TRow?>> load, Func<TRow, TRequest> toRequest,
        Func<WriteOutcome<TRow>, HttpContext, IResult> toResult) where TRow : class, IVersioned where TRequest : class =>
        new Of<TRow, TRequest>(load, toRequest, toResult);

    private sealed class Of<TRow, TRequest>(
        Func<IServiceProvider, long, CancellationToken, Task<TRow?>> load, Func<TRow, TRequest> toRequest,
        Func<WriteOutcome<TRow>, HttpContext, IResult> toResult) : PreconditionsFirst where TRow : class, IVersioned where TRequest : class
    {
        public override async Task<IResult?> RefusalAsync(HttpContext http) => (await JudgeAsync(http)).Refusal;

        public override async Task<IResult?> AnswerInvalidAsync(HttpContext http, object argument, IValidator validator, ValidationResult invalid)
        {
            var (refusal, current) = await JudgeAsync(http);
            if (refusal is not null)
            {
                return refusal;
            }
            if (current is not null && argument is TRequest request && validator is IValidator<TRequest> typed)
            {
                invalid = await AnswerableErrors.OfAsync(typed, invalid, toRequest(current), request, http.RequestAborted);
                if (invalid.IsValid)
                {
                    http.Features.Set(new JudgedVersion(current.Version));
                    return null;
                }
            }
            return Problems.Validation(invalid.ToErrors());
        }

        /// <summary>The refusal, if any; else the resource as stored (null when the route names no id it can read).</summary>
        private async Task<(IResult? Refusal, TRow? Current)> JudgeAsync(HttpContext http)
        {
            if (WritePreconditions.TryRead(http.Request, out var preconditions) is { } problem)
            {
                return (problem, null);
            }
            if (!long.TryParse(http.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return (null, null);
            }
            var current = await load(http.RequestServices, id, http.RequestAborted);
            return preconditions.Refuse(current, out var refusal) ? (toResult(refusal, http), null) : (null, current);
        }
    }
}

public static class PreconditionsFirstConventions
{
    public static RouteHandlerBuilder JudgesPreconditionsFirst(this RouteHandlerBuilder builder, PreconditionsFirst check) => builder.WithMetadata(check);
}
