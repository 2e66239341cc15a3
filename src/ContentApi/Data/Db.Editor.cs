namespace ContentApi.Data;

public sealed partial class Db
{
    /// <summary>
    /// The name of the API key whose request is writing (stored as <c>created_by</c> and <c>updated_by</c>, see
    /// <see cref="EditorColumns"/>), as it is now: a name can pass to a new key once its key is revoked. Null outside a
    /// keyed request (CLI commands, background work). Read before <see cref="WriteAsync{T}"/>, whose work runs on the writer.
    /// </summary>
    public string? Editor => requests?.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
}
