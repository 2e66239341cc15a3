using System.Text.RegularExpressions;

namespace ContentApi.UnitTests.Data;

/// <summary>
/// SQL that only SQLite understands is written in the dialect (<c>src/ContentApi/Data/SqliteDialect*.cs</c>, migrations
/// aside), so that a PostgreSQL backend has one place to replace. The rule: the text of every string literal in
/// <c>src/ContentApi</c> is SQL, comments are not; a statement (PRAGMA, VACUUM, BEGIN IMMEDIATE ...) counts only where
/// a statement starts (the literal's start or after a ';'), so a message advising an operator to run
/// <c>PRAGMA integrity_check</c>, or a metric's help naming BEGIN IMMEDIATE, is not SQL; the other constructs are
/// functions and clauses that no sentence holds, written as SQL writes them: a name no prose uses (json_each,
/// pragma_table_info, strftime) also with a space before its parenthesis, the plain words (likely, hex, snippet) only without
/// one, as prose in descriptions writes "BM25 (title matches weigh most" and "hex (`%E4`".
/// </summary>
public sealed class SqliteOnlySqlTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly (string Construct, Regex Pattern)[] Constructs =
    [
        ("a JSON function (json_each, json_group_array ...)", new(@"\bjson_\w+\s*\(", Options)),
        ("a planner hint (INDEXED BY, NOT INDEXED)", new(@"\b(INDEXED\s+BY|NOT\s+INDEXED)\b", Options)),
        ("a planner hint (likely, unlikely, likelihood)", new(@"\b(likely|unlikely|likelihood)\(", Options)),
        ("a join-order hint (CROSS JOIN ... ON)", new(@"\bCROSS\s+JOIN\b", Options)),
        ("a conflict clause (INSERT OR ..., REPLACE INTO)", new(@"\b(INSERT|UPDATE)\s+OR\s+(IGNORE|REPLACE|ABORT|FAIL|ROLLBACK)\b|^\s*REPLACE\s+INTO\b", Options | RegexOptions.Multiline)),
        ("FTS5 (its tables, MATCH, bm25, highlight, snippet)", new(@"\w+_fts\b|\w+_fts_\w+|\bMATCH\s+[@']|\b(bm25|highlight|snippet)\(", Options)),
        ("rowid", new(@"\b_?rowid_?\b", Options)),
        ("SQLite's own tables (sqlite_master ...)", new(@"\bsqlite\\?_\w*", Options)),
        ("a SQLite statement (PRAGMA, VACUUM, BEGIN DEFERRED ...)", new(
            @"(\A|;)\s*(PRAGMA|VACUUM|ANALYZE|ATTACH|DETACH|BEGIN\s+(DEFERRED|IMMEDIATE|EXCLUSIVE))\b", Options)),
        ("a pragma function (pragma_table_info ...)", new(@"\bpragma_\w+\s*\(", Options)),
        ("a SQLite function", new(@"\b(datetime|printf|changes|instr|char|iif|hex|glob)\(", Options)),
        ("a SQLite function", new(@"\b(strftime|julianday|unixepoch|last_insert_rowid|total_changes|group_concat|randomblob|zeroblob)\s*\(", Options)),
        ("GLOB", new(@"\bGLOB\s+[@'(]", Options)),
        ("IS [NOT] with a value (PostgreSQL: IS [NOT] DISTINCT FROM)", new(@"\bIS\s+(NOT\s+)?@", Options)),
        ("a blob literal (x'...')", new(@"\bx'[0-9a-f]*'", Options)),
        ("an integer as a condition (WHERE 0; PostgreSQL needs a boolean)", new(@"\bWHERE\s+[01]\b(?!\s*[=<>!])", RegexOptions.CultureInvariant)),
    ];

    [Fact]
    public void Sqlite_only_sql_in_string_literals_is_written_only_in_the_dialect()
    {
        var found = ContentApiSources.OutsideTheDialect()
            .SelectMany(file => Find(file.Text).Select(f => $"{file.Path}:{f.Line}: {f.Construct}"))
            .Distinct()
            .ToList();

        Assert.True(found.Count == 0, "SQLite-only SQL outside src/ContentApi/Data/SqliteDialect*.cs:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_finds_sql_in_every_kind_of_literal_and_not_in_comments_or_advice()
    {
        const string source = """"
            // SELECT value FROM json_each(@A)
            /// <summary>INSERT OR IGNORE INTO x</summary>
            /* FROM articles a INDEXED BY ix_a */
            class C
            {
                const char Quote = '"';
                const string A = "SELECT value FROM json_each(@A)";
                const string B = @"SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite\_%'";
                string D => $"FROM articles {(true ? "a" : "b")} INDEXED BY ix_articles_language";
                const string E = """
                    INSERT OR REPLACE INTO keys (id) VALUES (1)
                    """;
                string F => $$"""UPDATE x SET y = 1; PRAGMA page_size = {{size}}; VACUUM;""";
                const string Advice = "the file is damaged: check it with `PRAGMA integrity_check`";
                string G(string t) => $"SELECT name FROM pragma_table_info('{t}')";
                const string H = "SELECT value FROM json_each (@A) WHERE x IN (SELECT name FROM pragma_index_list ('t'))";
                const string I = "SELECT strftime ('%s', created_at), last_insert_rowid ()";
            }
            """";

        var found = Find(source).Select(f => f.Line).ToList();

        Assert.Equal(new[] { 7, 8, 9, 11, 13, 15, 16, 17 }, found.Distinct().Order().ToArray());
    }

    private static IEnumerable<(int Line, string Construct)> Find(string source) =>
        from literal in CSharpSource.Split(source).Literals
        from construct in Constructs
        from Match match in construct.Pattern.Matches(literal.Text)
        select (literal.LineAt(match.Index + match.Length - match.Value.TrimStart([';', ' ', '\n', '\r']).Length), construct.Construct);
}
