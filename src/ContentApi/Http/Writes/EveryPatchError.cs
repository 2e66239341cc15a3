using System.Text.Json;
using System.Text.Json.Nodes;
using ContentApi.Http.Errors;
using ContentApi.Http.Json;
using ContentApi.Http.Pipeline;
using FluentValidation;

namespace ContentApi.Http.Writes;

/// <summary>
/// Every error of a merge patch that cannot be applied: each member the resource does not have or whose value has the
/// wrong JSON type, and the rules the rest of the patch breaks, judged as a patch is (<see cref="AnswerableErrors"/>),
/// a required member it nulls or lacks for an error already listed given a placeholder (<see cref="RequiredPlaceholders"/>).
/// Applying it stops at the first, so a form took one round trip per error. Looked for only once applying it failed.
/// </summary>
internal static class EveryPatchError
{
    /// <summary>The errors, <paramref name="first"/> (applying the patch failed with it) among them; null when it is the only one.</summary>
    public static async Task<Dictionary<string, string[]>?> FindAsync<TRow, TRequest>(
        IValidator<TRequest> validator, PatchHandler.Steps<TRow, TRequest> steps, TRow current, TRequest unpatched, JsonObject patch,
        JsonException first, CancellationToken cancellationToken) where TRow : class, IVersioned
    {
        if (KnownExceptionHandler.JsonProblem(first) is not (_, _, _, { } firstErrors))
        {
            return null;
        }
        var (errors, rest) = JsonMemberErrors.Find(patch, JsonSetup.Options.GetTypeInfo(typeof(TRequest)), nullRemoves: true);
        foreach (var (field, messages) in firstErrors)
        {
            errors[field] = messages;
        }
        if (rest is null)
        {
            return errors;
        }
        if (MergePatch.ApplyWithPlaceholders(unpatched, rest, errors) is not { } request)
        {
            return errors.Count > 1 ? errors : null;
        }
        if (steps.Reconcile is { } reconcile)
        {
            request = reconcile(current, unpatched, request, rest);
        }
        if (await validator.ValidateAsync(request, cancellationToken) is { IsValid: false } invalid &&
            await AnswerableErrors.OfAsync(validator, invalid, unpatched, request, cancellationToken) is { IsValid: false } refused)
        {
            JsonMemberErrors.AddOthers(errors, refused.ToErrors());
        }
        return errors.Count > 1 ? errors : null;
    }
}
