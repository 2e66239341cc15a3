using System.Text.RegularExpressions;

namespace ContentApi.UnitTests.Data;

/// <summary>
/// SQLite's result codes are named in the dialect (<c>src/ContentApi/Data/SqliteDialect*.cs</c>), beside its SQL: in code
/// elsewhere (comments and string literals aside), whatever a <c>SqliteErrorCode</c> or <c>SqliteExtendedErrorCode</c>
/// is compared with (<c>==</c>, <c>!=</c>, <c>is</c>, a property pattern, a list's <c>Contains</c>) is a
/// <c>SqliteDialect</c> member, never a number or a constant of another class.
/// </summary>
public sealed class SqliteErrorCodesTests
{
    private static readonly Regex Compared = new(@"\bSqlite(Extended)?ErrorCode\s*(==|!=|:|\bis\b)\s*(not\s+)?(?<value>[\w.]+)", RegexOptions.CultureInvariant);

    private static readonly Regex ListedIn = new(@"(?<value>[\w.]+)\.Contains\(\w+\.Sqlite(Extended)?ErrorCode\)", RegexOptions.CultureInvariant);

    [Fact]
    public void Sqlite_error_codes_are_compared_only_with_the_dialect_s_names()
    {
        var found = ContentApiSources.OutsideTheDialect()
            .SelectMany(file => Find(file.Text).Select(line => $"{file.Path}:{line}"))
            .Distinct()
            .ToList();

        Assert.True(found.Count == 0, "SQLite error codes named outside src/ContentApi/Data/SqliteDialect*.cs:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_finds_numbers_and_other_classes_constants_but_not_the_dialect_s()
    {
        const string source = """
            // exception.SqliteErrorCode == 11
            bool A(SqliteException e) => e.SqliteErrorCode == SqliteDialect.BusyErrorCode;
            bool B(SqliteException e) => e is SqliteException { SqliteErrorCode: 26 };
            bool C(SqliteException e) => e.SqliteExtendedErrorCode == DatabaseFile.CorruptCode;
            bool D(SqliteException e) => Codes.Contains(e.SqliteExtendedErrorCode);
            bool E(Exception e) => e is SqliteException { SqliteErrorCode: Data.SqliteDialect.ReadOnlyErrorCode };
            string F(SqliteException e) => $"code {e.SqliteErrorCode}: " + "SqliteErrorCode == 5";
            """;

        Assert.Equal(new[] { 3, 4, 5 }, Find(source).ToArray());
    }

    private static IEnumerable<int> Find(string source)
    {
        var code = CSharpSource.Split(source);
        return Compared.Matches(code.Code).Concat(ListedIn.Matches(code.Code))
            .Where(match => !match.Groups["value"].Value.StartsWith("SqliteDialect.", StringComparison.Ordinal)
                && !match.Groups["value"].Value.StartsWith("Data.SqliteDialect.", StringComparison.Ordinal))
            .Select(match => code.LineAt(match.Index))
            .Order();
    }
}
