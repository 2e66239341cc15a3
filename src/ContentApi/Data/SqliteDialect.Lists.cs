using System.Text.Json;

namespace ContentApi.Data;

/// <summary>
/// Lists of values as one parameter, so that a statement's text is the same for any number of them (Dapper's
/// <c>IN @Ids</c> writes one parameter per value): SQLite takes them as a JSON array.
/// </summary>
internal static partial class SqliteDialect
{
    /// <summary>The value a list parameter is given: <paramref name="values"/> as one JSON array.</summary>
    public static string ListArgument<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values);

    /// <summary>The values of the list parameter <paramref name="parameter"/> ("@Ids"), as rows of one column.</summary>
    public static string ValuesIn(string parameter) => $"SELECT value FROM json_each({parameter})";

    /// <summary>The values of the list parameter <paramref name="parameter"/> as a table named <paramref name="alias"/>, each in its column <c>value</c>.</summary>
    public static string ValuesAs(string parameter, string alias) => $"json_each({parameter}) {alias}";

    /// <summary>An aggregate: the values of <paramref name="expression"/> over the rows, in their order, as one JSON array.</summary>
    public static string JsonArrayOf(string expression) => $"json_group_array({expression})";
}
