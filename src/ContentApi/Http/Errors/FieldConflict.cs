using ContentApi.Http.Writes;

namespace ContentApi.Http.Errors;

/// <summary>
/// A 409 about one field of the body (a taken slug, a taken tag name): it names the resource that holds the value, and
/// files the detail in errors under the field, as a 400 files its, so that a form shows it beside its input.
/// </summary>
public static class FieldConflict
{
    public static WriteOutcome<TRow>.Conflict Of<TRow>(string code, string field, string detail, long conflictingId) =>
        new(code, detail, new Dictionary<string, object?>
        {
            ["conflictingId"] = conflictingId,
            ["errors"] = new Dictionary<string, string[]> { [field] = [detail] },
        });
}
