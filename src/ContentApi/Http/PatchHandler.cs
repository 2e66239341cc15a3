using FluentValidation;

namespace ContentApi.Http;

/// <summary>The PATCH flow every resource shares: read, merge, validate, replace.</summary>
public static class PatchHandler
{
    public sealed record Steps<TRow, TRequest>(
        string ResourceName,
        Func<CancellationToken, Task<TRow?>> Load,
        Func<TRow, TRequest> ToRequest,
        Func<TRow, long> VersionOf,
        Func<TRequest, IfMatch, CancellationToken, Task<WriteOutcome<TRow>>> Replace,
        Func<WriteOutcome<TRow>, IResult> ToResult);

    public static async Task<IResult> HandleAsync<TRow, TRequest>(
        HttpRequest http, IValidator<TRequest> validator, Steps<TRow, TRequest> steps, CancellationToken cancellationToken)
    {
        if (IfMatch.TryRead(http, out var ifMatch) is { } problem)
        {
            return problem;
        }
        var patch = await MergePatch.ReadAsync(http, cancellationToken);
        // The patch is applied to the version just read; if another write lands in between, apply it
        // again to the newer version (when the caller named a version, the store answers 412 instead).
        for (var attempt = 0; ; attempt++)
        {
            if (await steps.Load(cancellationToken) is not { } current)
            {
                return Problems.NotFound(steps.ResourceName);
            }
            var request = MergePatch.Apply(steps.ToRequest(current), patch);
            if (await validator.ValidateAsync(request, cancellationToken) is { IsValid: false } invalid)
            {
                return Problems.Validation(invalid.ToErrors());
            }
            var expected = ifMatch.AnyVersion ? new IfMatch(false, [steps.VersionOf(current)]) : ifMatch;
            var outcome = await steps.Replace(request, expected, cancellationToken);
            if (outcome is WriteOutcome<TRow>.Stale && ifMatch.AnyVersion && ifMatch == IfMatch.Absent && attempt < 5)
            {
                continue;
            }
            return steps.ToResult(outcome);
        }
    }
}
