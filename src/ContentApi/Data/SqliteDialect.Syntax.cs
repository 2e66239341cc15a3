namespace ContentApi.Data;

/// <summary>SQL that SQLite spells its own way: conflict clauses, functions and literals PostgreSQL writes otherwise.</summary>
internal static partial class SqliteDialect
{
    /// <summary>The start of an INSERT into <paramref name="table"/> that skips a row a constraint refuses.</summary>
    public static string InsertOrIgnoreInto(string table) => $"INSERT OR IGNORE INTO {table}";

    /// <summary>The start of an INSERT into <paramref name="table"/> that first deletes the rows whose unique keys the new one takes.</summary>
    public static string InsertOrReplaceInto(string table) => $"INSERT OR REPLACE INTO {table}";

    /// <summary>Whether the text <paramref name="text"/> holds <paramref name="part"/> anywhere (case-sensitive).</summary>
    public static string Contains(string text, string part) => $"instr({text}, {part}) > 0";

    /// <summary>
    /// Whether <paramref name="left"/> differs from <paramref name="right"/>, NULL being a value like the others (so
    /// NULL and 1 differ, NULL and NULL do not).
    /// </summary>
    public static string Differs(string left, string right) => $"{left} IS NOT {right}";

    /// <summary>A line break (as a text expression, to join texts with).</summary>
    public const string LineBreak = "char(10)";

    /// <summary>An empty blob.</summary>
    public const string EmptyBlob = "x''";
}
