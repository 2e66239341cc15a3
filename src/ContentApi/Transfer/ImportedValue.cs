using System.Text.Json;
using ContentApi.Data;
using ContentApi.Http.Json;

namespace ContentApi.Transfer;

/// <summary>
/// One value of an imported row, checked against its column as the app will read it back: SQLite stores whatever it
/// is given, and a timestamp that is not one, or text in a number column, made every read of the row a 500.
/// </summary>
internal static class ImportedValue
{
    /// <summary>An escaped lone surrogate ("\\ud800") is valid JSON, but no character: reading it as a string throws.</summary>
    public const string LoneSurrogate = "holds an escaped lone surrogate (such as \\ud800), which is no character.";

    /// <summary>The largest id JSON carries exactly to every client (JavaScript's safe integers); the app never comes near it.</summary>
    public const long MaxId = JsonNumbers.MaxSafeInteger;

    /// <summary>The value for a column of this declared type (INTEGER, REAL or TEXT), or why it cannot be one.</summary>
    public static (object? Value, string? Problem) Of(JsonElement value, string column, string declaredType) =>
        value.ValueKind switch
        {
            JsonValueKind.Null => (null, null),
            _ when declaredType.Equals("INTEGER", StringComparison.OrdinalIgnoreCase) => Integer(value, column),
            _ when declaredType.Equals("REAL", StringComparison.OrdinalIgnoreCase) => Number(value),
            _ => Text(value, column),
        };

    /// <summary>Ids of linked rows (an article's authors, tags and images): whole numbers within <see cref="MaxId"/>.</summary>
    public static (long[]? Ids, string? Problem) Ids(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return (null, "must be a list of ids.");
        }
        var ids = new List<long>();
        foreach (var item in value.EnumerateArray())
        {
            if (Integer(item, "id") is not ({ } id, null))
            {
                return (null, $"must hold ids (whole numbers from 1 to {MaxId}), not {item.GetRawText()}.");
            }
            ids.Add((long)id);
        }
        return ([.. ids], null);
    }

    private static (object?, string?) Integer(JsonElement value, string column) => value.ValueKind switch
    {
        // A version too: each write adds 1 to it, and 2^63 - 1 overflowed into a REAL, which made every update a 500.
        JsonValueKind.Number when value.TryGetInt64(out var integer) => integer is < 1 or > MaxId && CountsFromOne(column) is { } what
            ? (null, $"must be {what} from 1 to {MaxId}, not {integer}.")
            : (integer, null),
        _ => (null, $"must be a whole number, not {value.GetRawText()}."),
    };

    private static (object?, string?) Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var integer) => (integer, null),
        // Beyond a double's range (1e400) it reads as infinity, which no JSON export could write back.
        JsonValueKind.Number when value.GetDouble() is var number && double.IsFinite(number) => (number, null),
        JsonValueKind.Number => (null, $"is beyond the range of a number: {value.GetRawText()}."),
        _ => (null, $"must be a number, not {value.GetRawText()}."),
    };

    private static (object?, string?) Text(JsonElement value, string column)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return (null, $"must be text, not {value.GetRawText()}.");
        }
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return (null, LoneSurrogate);
        }
        if (!column.EndsWith("_at", StringComparison.Ordinal))
        {
            return (text, null);
        }
        if (!Timestamps.IsDbFormat(text))
        {
            return (null, $"must be a timestamp as an export writes it (2025-06-01T08:00:00.000000Z), not {value.GetRawText()}.");
        }
        // A request's times are held to these years (a created_at of year 1 was stored from an edited export).
        return Timestamps.FromDb(text).Year < UtcDateTimeOffsetConverter.FirstYear
            ? (null, $"must be a time between the years {UtcDateTimeOffsetConverter.FirstYear} and {UtcDateTimeOffsetConverter.LastYear} in UTC, as the API takes, not {value.GetRawText()}.")
            : (text, null);
    }

    /// <summary>"an id" or "a version" for the columns counted from 1; null for any other.</summary>
    private static string? CountsFromOne(string column) =>
        column == "id" || column.EndsWith("_id", StringComparison.Ordinal) ? "an id" : column == "version" ? "a version" : null;
}
