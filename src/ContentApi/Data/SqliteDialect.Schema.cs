namespace ContentApi.Data;

/// <summary>What the database's schema holds, read from SQLite's catalog.</summary>
internal static partial class SqliteDialect
{
    /// <summary>Whether the database has the table @Name (a database made by an older schema may lack it).</summary>
    public const string HasTable = "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = @Name";

    /// <summary>The names of the database's tables, SQLite's own (sqlite_sequence ...) left out.</summary>
    public const string ListTables = @"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'";

    /// <summary>
    /// Every table, index, view and trigger with the SQL that made it (Type, Name, Sql), SQLite's own left out: they
    /// (a UNIQUE constraint's index, named after the table it had when it was made, which VACUUM INTO names anew after
    /// a rename) are not the migrations' to compare.
    /// </summary>
    public const string ReadSchema = @"SELECT type AS Type, name AS Name, sql AS Sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'";

    /// <summary>The names and declared types of <paramref name="table"/>'s columns (a name from the schema, never from input).</summary>
    public static string ColumnsAndTypes(string table) => $"SELECT name, type FROM pragma_table_info('{table}')";

    /// <summary>The names of the columns of the table the parameter <paramref name="tableParameter"/> ("@Journal") names.</summary>
    public static string ColumnNames(string tableParameter) => $"SELECT name FROM pragma_table_info({tableParameter})";

    /// <summary>Whether <paramref name="table"/> (a name from the schema, never from input) has the column @Column.</summary>
    public static string HasColumn(string table) => $"SELECT EXISTS (SELECT 1 FROM pragma_table_info('{table}') WHERE name = @Column)";

    /// <summary>The columns of @Table that a unique index of their own covers (the id, slugs): no two rows may share one.</summary>
    public const string ColumnsUniqueAlone = """
        SELECT info.name FROM pragma_index_list(@Table) AS list, pragma_index_info(list.name) AS info
        WHERE list."unique" AND (SELECT count(*) FROM pragma_index_info(list.name)) = 1
        """;

    /// <summary>The columns of @Table that refer to another table's rows.</summary>
    public const string ReferringColumns = "SELECT \"from\" FROM pragma_foreign_key_list(@Table)";

    /// <summary>The table and column (two values) that @Table's @Column refers to.</summary>
    public const string ReferredColumn = "SELECT \"table\", \"to\" FROM pragma_foreign_key_list(@Table) WHERE \"from\" = @Column";

    /// <summary>The NOT NULL columns of @Table, each with whether it has a default (Name, HasDefault).</summary>
    public const string RequiredColumns = "SELECT name, dflt_value IS NOT NULL FROM pragma_table_info(@Table) WHERE \"notnull\"";
}
