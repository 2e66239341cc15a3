using ContentApi.Http.Errors;
using Microsoft.Data.Sqlite;

namespace ContentApi.UnitTests.Http;

/// <summary>Damage the operator must repair is a 503 that says which repair, never SQLite's words.</summary>
public sealed class DamagedDatabaseProblemTests
{
    [Fact]
    public void A_damaged_search_index_is_a_503_naming_reindex_clear()
    {
        // What FTS5 throws: SQLITE_CORRUPT, extended SQLITE_CORRUPT_VTAB.
        var (status, _, detail, errors) = KnownExceptionHandler.Classify(
            new SqliteException("SQLite Error 11: 'fts5: corruption found reading blob 137438953509 from table \"articles_fts\"'.", 11, 267));

        Assert.Equal(503, status);
        Assert.Contains("search index is damaged", detail, StringComparison.Ordinal);
        Assert.Contains("`reindex --clear`", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("fts5", detail, StringComparison.Ordinal);
        Assert.Null(errors);
    }

    [Fact]
    public void A_damaged_database_file_is_a_503_that_does_not_promise_reindex_repairs_it()
    {
        var (status, _, detail, _) = KnownExceptionHandler.Classify(new SqliteException("SQLite Error 11: 'database disk image is malformed'.", 11, 11));

        Assert.Equal(503, status);
        Assert.Equal(KnownExceptionHandler.DatabaseDamagedDetail, detail);
        Assert.DoesNotContain("reindex", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("malformed", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_SQLite_failures_stay_a_500_without_detail() =>
        Assert.Equal(500, KnownExceptionHandler.Classify(new SqliteException("SQLite Error 1: 'no such table: x'.", 1, 1)).Status);
}
