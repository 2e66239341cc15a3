using System.Text.Json;
using ContentApi.Data;
using ContentApi.Http.Errors;
using ContentApi.Http.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace ContentApi.UnitTests.Http;

/// <summary>
/// Every failure the exception handler answers has a code of its own: four 503s (busy, read-only, disk full, damaged
/// index) shared one type, so a client told them apart only by their English detail.
/// </summary>
public sealed class ExceptionProblemCodesTests
{
    public static TheoryData<string, string> Failures => new()
    {
        { "busy", ProblemCodes.DatabaseBusy },
        { "sqlite busy", ProblemCodes.DatabaseBusy },
        { "no turn", ProblemCodes.ServerBusy },
        { "full", ProblemCodes.DiskFull },
        { "read-only", ProblemCodes.DatabaseReadOnly },
        { "i/o error", ProblemCodes.DiskIoError },
        { "stopping", ProblemCodes.ServerStopping },
        { "newer schema", ProblemCodes.NewerSchema },
        { "file gone", ProblemCodes.DatabaseFileGone },
        { "damaged index", ProblemCodes.SearchIndexDamaged },
        { "damaged database", ProblemCodes.DatabaseDamaged },
        { "unique", ProblemCodes.AlreadyExists },
        { "foreign key", ProblemCodes.ReferenceConflict },
        { "too large", ProblemCodes.BodyTooLarge },
        { "media type", ProblemCodes.UnsupportedMediaType },
        { "route value", ProblemCodes.ValidationFailed },
        { "no body", ProblemCodes.BodyRequired },
        { "bad chunk", ProblemCodes.BadRequest },
        { "too slow", ProblemCodes.RequestTimeout },
        { "not json", ProblemCodes.InvalidJson },
        { "wrong type", ProblemCodes.ValidationFailed },
        { "missing members", ProblemCodes.ValidationFailed },
        { "unknown", ProblemCodes.InternalError },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_is_answered_with_its_own_code(string failure, string code) =>
        Assert.Equal(code, KnownExceptionHandler.Classify(Exception(failure)).Code);

    private static Exception Exception(string failure) => failure switch
    {
        "busy" => new DatabaseBusyException(),
        "sqlite busy" => new SqliteException("SQLite Error 5: 'database is locked'.", 5, 5),
        "no turn" => new NoTurnException("The server is busy."),
        "full" => new SqliteException("SQLite Error 13: 'database or disk is full'.", 13, 13),
        "read-only" => new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", 8, 8),
        "i/o error" => new SqliteException("SQLite Error 10: 'disk I/O error'.", 10, 778),
        "stopping" => new DatabaseClosedException(),
        "newer schema" => new DatabaseFileException("Newer.") { IsNewerSchema = true },
        "file gone" => new DatabaseFileGoneException(),
        "damaged index" => new SqliteException("SQLite Error 11: 'fts5: corruption found reading blob 1 from table \"articles_fts\"'.", 11, 267),
        "damaged database" => new SqliteException("SQLite Error 11: 'database disk image is malformed'.", 11, 11),
        "unique" => new SqliteException("SQLite Error 19: 'UNIQUE constraint failed: tags.slug'.", 19, 2067),
        "foreign key" => new SqliteException("SQLite Error 19: 'FOREIGN KEY constraint failed'.", 19, 787),
        "too large" => new BadHttpRequestException("Request body too large.", 413),
        "media type" => new BadHttpRequestException("Unsupported content type.", 415),
        "route value" => new BadHttpRequestException("Failed to bind parameter \"long id\" from \"abc\"."),
        "no body" => new BadHttpRequestException(Problems.JsonBodyRequiredDetail),
        "bad chunk" => new BadHttpRequestException("Bad chunk size data.", 400),
        "too slow" => new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", 408),
        "not json" => Parse("{\"name\":"),
        "wrong type" => Parse("{\"name\":1}"),
        "missing members" => Parse("{}"),
        _ => new InvalidOperationException("Something else."),
    };

    private sealed record Named(string Name) { public required string Other { get; init; } }

    private static JsonException Parse(string json)
    {
        try
        {
            JsonSerializer.Deserialize<Named>(json);
        }
        catch (JsonException exception)
        {
            return exception;
        }
        throw new InvalidOperationException("The JSON parsed.");
    }
}
