using System.Text.Json;
using System.Text.RegularExpressions;
using ContentApi.Data;
using ContentApi.Http.Json;
using ContentApi.Http.Limits;
using ContentApi.Search;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ContentApi.Http.Errors;

/// <summary>
/// The one place where exceptions become responses. Known failures get a precise 4xx/503; anything
/// else is a 500 that says nothing about the internals (no message, stack, SQL or path).
/// </summary>
public sealed partial class KnownExceptionHandler(IProblemDetailsService problems, Db db, ILogger<KnownExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail, errors) = Classify(exception);
        var damaged = Damage(exception);
        if (damaged is not null)
        {
            logger.LogError(exception, "{Damage} ({Method} {Path} answered 503)", damaged.Value.Repair, context.Request.Method, context.Request.Path);
            if (damaged.Value.Code == ProblemCodes.DatabaseDamaged)
            {
                db.NoteDamage();
            }
        }
        else if (SqliteDialect.IsFull(exception))
        {
            logger.LogError("The database's disk is full: {Method} {Path} answered 503, nothing written. " + DatabaseFile.FreeSpace, context.Request.Method, context.Request.Path);
        }
        else if (SqliteDialect.IsReadOnly(exception))
        {
            // Which file to fix: its -shm, left read-only, failed every write once the database was writable again.
            logger.LogError("{Method} {Path} answered 503, nothing written: {ReadOnly}", context.Request.Method, context.Request.Path,
                db.FilePath is { } file ? DatabaseFile.ReadOnly(file) : "the database is read-only.");
        }
        else if (SqliteDialect.IsIoError(exception))
        {
            logger.LogError("A disk I/O error (SQLite extended code {Code}): {Method} {Path} answered 503, nothing written. Check the database's disk (remounted read-only, failing), its files' attributes and the file-size limit (ulimit -f, LimitFSIZE).", ((SqliteException)exception).SqliteExtendedErrorCode, context.Request.Method, context.Request.Path);
        }
        else if (exception is DatabaseFileException { IsNewerSchema: true })
        {
            logger.LogError("{Reason} Writes are refused ({Method} {Path} answered 503): stop this server.", exception.Message, context.Request.Method, context.Request.Path);
        }
        else if (status >= 500 && exception is not (DatabaseBusyException or NoTurnException or DatabaseClosedException))
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        // Damage is the operator's to repair, and waiting does not: no Retry-After for it.
        if (status == 503 && damaged is null)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds(exception);
        }
        context.Response.StatusCode = status;
        var problem = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails()
            : new HttpValidationProblemDetails(errors) { Title = Problems.ValidationTitle };
        problem.Status = status;
        problem.Detail = detail;
        problem.Extensions[Problems.CodeMember] = code;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    internal static (int Status, string Code, string Detail, IDictionary<string, string[]>? Errors) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
        BadHttpRequestException bad => BadRequestProblem(bad),
        JsonException json => JsonProblem(json),
        NoTurnException busy => (503, ProblemCodes.ServerBusy, busy.Message, null),
        DatabaseBusyException => (503, ProblemCodes.DatabaseBusy, "The database is busy; retry after the number of seconds in Retry-After.", null),
        SqliteException sqlite when SqliteDialect.IsBusy(sqlite) => (503, ProblemCodes.DatabaseBusy, "The database is busy; retry after the number of seconds in Retry-After.", null),
        // 503 with Retry-After rather than 507: the API documents 503 for every route and generated clients retry it,
        // and space comes back without the caller doing anything (an operator frees it, the WAL is cut back). SQLite
        // rolled the transaction back: nothing of the write is stored.
        SqliteException sqlite when SqliteDialect.IsFull(sqlite) => (503, ProblemCodes.DiskFull, DiskFullDetail, null),
        // The same for a file made read-only under the server: its operator makes it writable again.
        SqliteException sqlite when SqliteDialect.IsReadOnly(sqlite) => (503, ProblemCodes.DatabaseReadOnly, ReadOnlyDetail, null),
        // A connection opened before the disk was remounted read-only fails its writes so (the writer then opens anew,
        // and meets the read-only file); SQLite rolled the transaction back.
        SqliteException sqlite when SqliteDialect.IsIoError(sqlite) => (503, ProblemCodes.DiskIoError, IoErrorDetail, null),
        // A retry reaches the server once it runs again, or another instance.
        DatabaseClosedException => (503, ProblemCodes.ServerStopping, StoppingDetail, null),
        // Retry-After, unlike the damage below: in a rolling upgrade the retry reaches a server of the newer build.
        DatabaseFileException { IsNewerSchema: true } => (503, ProblemCodes.NewerSchema, NewerSchemaDetail, null),
        SqliteException sqlite when SqliteDialect.IsUniqueViolation(sqlite) => (409, ProblemCodes.AlreadyExists, "A resource with the same unique value (such as the slug) already exists.", null),
        SqliteException sqlite when SqliteDialect.IsConstraintViolation(sqlite) => (409, ProblemCodes.ReferenceConflict, "The change conflicts with related resources (a referenced resource is missing or still in use).", null),
        _ when Damage(exception) is { Code: var damageCode, Detail: var damage } => (503, damageCode, damage, null),
        _ => (500, ProblemCodes.InternalError, "An unexpected error occurred. Quote the traceId when reporting it.", null),
    };

    /// <summary>
    /// How long a 503 asks clients to wait (their retry handlers honour it): a second for what clears by itself (another
    /// process's write lock, a server stopping or of an older build, whose retry reaches another); a minute for what
    /// only the operator clears (a full disk, a read-only database or disk, a failing disk), where a retry each second
    /// from every client, for as long as that takes, only adds load.
    /// </summary>
    internal static string RetryAfterSeconds(Exception exception) => exception switch
    {
        NoTurnException => Turns.RetryAfterSeconds,
        _ when SqliteDialect.IsFull(exception) || SqliteDialect.IsReadOnly(exception) || SqliteDialect.IsIoError(exception) => OperatorRetryAfterSeconds,
        _ => "1",
    };

    /// <summary>As GitHub's Retry-After for its secondary rate limits.</summary>
    internal const string OperatorRetryAfterSeconds = "60";

    internal const string SearchIndexDamagedDetail =
        $"The search index is damaged and must be rebuilt by the operator with `{SearchIndexRebuild.RepairCommand}`; until then, requests that use it fail.";

    internal const string DiskFullDetail =
        "The database's disk is full, so nothing was written; retry after the number of seconds in Retry-After.";

    internal const string ReadOnlyDetail =
        "The database is read-only, so nothing was written; retry after the number of seconds in Retry-After.";

    internal const string IoErrorDetail =
        "The database's disk failed to read or write (an I/O error), so nothing was written; retry after the number of seconds in Retry-After.";

    internal const string StoppingDetail =
        "The server is stopping, so nothing was written; retry after the number of seconds in Retry-After.";

    internal const string NewerSchemaDetail =
        "A newer version of ContentApi has migrated the database, and this server does not write into it (nothing was written); retry after the number of seconds in Retry-After.";

    internal const string DatabaseDamagedDetail = "The database is damaged and must be repaired by the operator.";

    /// <summary>
    /// What only the operator can repair (waiting does not): the caller's detail, and the repair for the log; null when
    /// the exception is no such damage.
    /// </summary>
    private static (string Code, string Detail, string Repair)? Damage(Exception exception) => exception switch
    {
        DatabaseFileGoneException gone => (
            ProblemCodes.DatabaseFileGone,
            "The database file is gone (deleted, moved or replaced while the server runs), so nothing was written: the operator must put it back in place or restart the server.",
            $"{gone.Message} Writes are refused until the file is back in place (a missing one) or the server is restarted (a replaced one)"),
        SqliteException sqlite when SearchIndexRebuild.IsDamagedIndex(sqlite) => (
            ProblemCodes.SearchIndexDamaged,
            SearchIndexDamagedDetail,
            $"The search index is damaged: rebuild it with `{SearchIndexRebuild.RepairCommand}` (searches find only what is reindexed until it finishes)"),
        SqliteException { SqliteErrorCode: SqliteDialect.CorruptErrorCode } => (
            ProblemCodes.DatabaseDamaged,
            DatabaseDamagedDetail,
            "The database file is damaged: check it with `PRAGMA integrity_check`, and restore a backup if it is not 'ok'"),
        _ => null,
    };

    private static (int, string, string, IDictionary<string, string[]>?) BadRequestProblem(BadHttpRequestException bad)
    {
        if (bad.StatusCode == 413)
        {
            return (413, ProblemCodes.BodyTooLarge, "The request body is larger than the limit this server accepts.", null);
        }
        if (bad.StatusCode == 415)
        {
            return (415, ProblemCodes.UnsupportedMediaType, Problems.UnsupportedMediaTypeDetail, null);
        }
        var binding = FailedBinding().Match(bad.Message);
        if (binding.Success)
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(binding.Groups["name"].Value);
            // A route value ({id}): query values that must parse are checked before binding (QueryValueCheck).
            var expected = binding.Groups["type"].Value is "long" or "int" ? "an integer" : "a valid value";
            var errors = new Dictionary<string, string[]> { [name] = [$"Must be {expected}."] };
            return (400, ProblemCodes.ValidationFailed, Problems.ValidationDetail(errors), errors);
        }
        if (bad.Message == Problems.JsonBodyRequiredDetail ||
            bad.Message.Contains("was not provided", StringComparison.Ordinal) || bad.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return Refusal(ProblemCodes.BodyRequired, DocumentPath, Problems.JsonBodyRequiredDetail);
        }
        if (bad.Message.Contains("Content-Type", StringComparison.OrdinalIgnoreCase) || bad.Message.Contains("content type", StringComparison.OrdinalIgnoreCase))
        {
            return (415, ProblemCodes.UnsupportedMediaType, Problems.UnsupportedMediaTypeDetail, null);
        }
        // Kestrel's own refusals of what it was sent (a chunked body framed wrongly, a body too slow: 408).
        const string unreadable = "The request could not be read.";
        return bad.StatusCode is > 400 and < 500
            ? (bad.StatusCode, ProblemCodes.ForStatus(bad.StatusCode, atEndpoint: true), unreadable, null)
            : Refusal(ProblemCodes.BadRequest, DocumentPath, unreadable);
    }

    internal static (int, string, string, IDictionary<string, string[]>?) JsonProblem(JsonException json)
    {
        var field = JsonPathToField(json.Path);
        var message = json.Message + " " + json.InnerException?.Message;
        string problem;
        if (json is InvalidJsonValueException)
        {
            problem = json.Message;
        }
        else if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            problem = "Unknown property: this resource has no such field.";
        }
        else if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
        {
            // An empty body sent without a length (chunked), or only white space: as missing as Content-Length: 0.
            return Refusal(ProblemCodes.BodyRequired, field, Problems.JsonBodyRequiredDetail);
        }
        else if (message.Contains(JsonErrorPath.DepthExceeded, StringComparison.Ordinal))
        {
            return Refusal(ProblemCodes.InvalidJson, field, "The JSON is nested too deeply.");
        }
        else if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            problem = "The property appears more than once.";
        }
        else if (message.Contains("invalid UTF-16", StringComparison.OrdinalIgnoreCase) || message.Contains("surrogate", StringComparison.OrdinalIgnoreCase))
        {
            problem = "The text contains an unpaired surrogate (invalid Unicode).";
        }
        else if (message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase))
        {
            return Refusal(ProblemCodes.InvalidJson, field, "The request body is not valid UTF-8.");
        }
        else if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            problem = ExpectedJsonValue.Describe(message) ?? "The value has the wrong JSON type for this field.";
        }
        else if (message.Contains("doesn't allow null values", StringComparison.Ordinal))
        {
            problem = "Must not be null.";
        }
        else if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var missing = QuotedNames().Matches(message[message.IndexOf("including", StringComparison.Ordinal)..])
                .Select(m => field == DocumentPath ? m.Groups[1].Value : $"{field}.{m.Groups[1].Value}").ToList();
            var missingErrors = missing.ToDictionary(m => m, _ => new[] { "Required." });
            return missing.Count == 0
                ? Refusal(ProblemCodes.ValidationFailed, field, "Required properties are missing.")
                : (400, ProblemCodes.ValidationFailed, Problems.ValidationDetail(missingErrors), missingErrors);
        }
        else
        {
            var where = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : "";
            return Refusal(ProblemCodes.InvalidJson, field, $"The request body is not valid JSON{where}.");
        }
        var fieldErrors = new Dictionary<string, string[]> { [field] = [problem] };
        return (400, ProblemCodes.ValidationFailed, Problems.ValidationDetail(fieldErrors), fieldErrors);
    }

    /// <summary>
    /// A 400 whose detail says it all, also filed in errors under where it is (every 400 for what the client sent has
    /// errors: generated clients read them as validation problems).
    /// </summary>
    private static (int, string, string, IDictionary<string, string[]>?) Refusal(string code, string field, string detail) =>
        (400, code, detail, new Dictionary<string, string[]> { [field] = [detail] });

    /// <summary>
    /// The errors key of a problem with the JSON document as a whole (not an object, a member name that is not text):
    /// the root's JSON path, as members are keyed by theirs. Not "body", which is an article's Markdown field.
    /// </summary>
    internal const string DocumentPath = "$";

    /// <summary>"$.authorIds[1]" becomes "authorIds[1]"; "$['x y']" becomes "x y"; the root (or no path) stays "$"; a long one is cut (<see cref="Echoed"/>).</summary>
    internal static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == DocumentPath)
        {
            return DocumentPath;
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return Echoed.Cut(BracketName().Replace(field, m => "." + m.Groups[1].Value).TrimStart('.'));
    }

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ "]+) (?<name>[^ "]+)" from "(?<value>.*)"\.?\z""", RegexOptions.Singleline)]
    private static partial Regex FailedBinding();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedNames();

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex BracketName();
}
