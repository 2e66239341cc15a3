using System.Text.Json.Nodes;
using ContentApi.Data;
using ContentApi.Http.Errors;
using ContentApi.Http.Pipeline;
using FluentValidation;

namespace ContentApi.Http.Writes;

/// <summary>The PATCH flow every resource shares: read, merge, validate, replace.</summary>
public static class PatchHandler
{
    /// <summary>
    /// Rounds a patch may take, while the versions it finds still satisfy its preconditions, before it gives up with a
    /// 503. Each round one of the patches racing for a resource wins (writes committed together each read the version
    /// before them).
    /// </summary>
    internal const int MaxAttempts = 64;

    /// <param name="Reconcile">
    /// The merged request as the replace will read it, from the current resource, the request before the patch, the
    /// merged one and the patch:
    /// where a patch implies more than it says, and where a null keeps or empties what is there (a null slug keeps the
    /// slug), so that a patch changing nothing is seen to change nothing.
    /// </param>
    public sealed record Steps<TRow, TRequest>(
        string ResourceName,
        Func<CancellationToken, Task<TRow?>> Load,
        Func<TRow, TRequest> ToRequest,
        Func<TRequest, WritePreconditions, CancellationToken, Task<WriteOutcome<TRow>>> Replace,
        Func<WriteOutcome<TRow>, IResult> ToResult,
        Func<TRow, TRequest, TRequest, JsonObject, TRequest>? Reconcile = null) where TRow : class, IVersioned;

    public static async Task<IResult> HandleAsync<TRow, TRequest>(
        HttpRequest http, IValidator<TRequest> validator, Steps<TRow, TRequest> steps, CancellationToken cancellationToken) where TRow : class, IVersioned
    {
        if (WritePreconditions.TryRead(http, out var preconditions) is { } problem)
        {
            return problem;
        }
        MergePatch.EnsureMediaType(http);
        JsonObject? patch = null;
        // The patch is applied to the version just read, and the write is pinned to it: if another write lands in
        // between, the patch is applied again to the newer version while that one still satisfies the caller's
        // preconditions (any does without If-Match, or with *), and is a 412 once it does not. Writing a patch merged
        // onto an older version over a newer one, even one If-Match allows, would undo that newer write.
        for (var attempt = 0; ; attempt++)
        {
            if (await steps.Load(cancellationToken) is not { } current)
            {
                return Problems.NotFound(steps.ResourceName);
            }
            // The preconditions first (RFC 9110 §13.2.1): a stale caller learns that before anything about its patch,
            // even that it is not JSON, so the body is read only once they hold. The store checks them again in its
            // transaction.
            var version = current.Version;
            if (preconditions.Refuse(current, out var refusal))
            {
                return steps.ToResult(refusal);
            }
            patch ??= await MergePatch.ReadAsync<TRequest>(http, cancellationToken);
            var unpatched = steps.ToRequest(current);
            TRequest request;
            try
            {
                request = MergePatch.Apply(unpatched, patch);
            }
            catch (System.Text.Json.JsonException failed)
            {
                if (await EveryPatchError.FindAsync(validator, steps, current, unpatched, patch, failed, cancellationToken) is { } errors)
                {
                    return Problems.Validation(errors);
                }
                throw;
            }
            if (steps.Reconcile is { } reconcile)
            {
                request = reconcile(current, unpatched, request, patch);
            }
            if (patch.Count == 0 || Restatement.ChangesNothing(unpatched, request))
            {
                return steps.ToResult(Restatement.AsItIs(current));
            }
            if (await validator.ValidateAsync(request, cancellationToken) is { IsValid: false } invalid &&
                await AnswerableErrors.OfAsync(validator, invalid, unpatched, request, cancellationToken) is { IsValid: false } refused)
            {
                return Problems.Validation(refused.ToErrors());
            }
            var outcome = await steps.Replace(request, preconditions.PinnedTo(version), cancellationToken);
            if (outcome is WriteOutcome<TRow>.Stale)
            {
                if (attempt + 1 >= MaxAttempts)
                {
                    // Never a 412 for versions the caller allows: the resource is too busy, retry later (503).
                    throw new DatabaseBusyException("The resource changed on every attempt to apply the patch.");
                }
                // A few milliseconds, growing and random, so that the patches racing for a resource fall out of step.
                await Task.Delay(Random.Shared.Next(0, Math.Min(50, 2 << Math.Min(attempt, 5))), cancellationToken);
                continue;
            }
            return steps.ToResult(outcome);
        }
    }
}
