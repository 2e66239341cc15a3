using System.Net;
using System.Text;
using System.Text.Unicode;

namespace ContentApi.Http.Binding;

/// <summary>
/// Query values whose percent-encoded bytes do not spell UTF-8. ASP.NET keeps such an escape as it was written, so
/// <c>q=%FF</c> searched for the text "%FF" (and found "FF") and <c>tag=%FF</c> answered an empty list, where a body
/// that is not UTF-8 is a 400.
/// </summary>
public static class QueryUtf8
{
    public const string Message = "Must be UTF-8 text: its percent-encoded bytes are not.";

    /// <summary>The names of the parameters in <paramref name="rawQuery"/> (as sent, with or without "?") whose name or value is not UTF-8.</summary>
    public static IReadOnlyList<string> ParametersNotUtf8(string? rawQuery) => ParametersWhere(rawQuery, pair => !SpellsUtf8(pair));

    /// <summary>The names of the parameters in <paramref name="rawQuery"/> whose pair (name=value, as sent) holds an escape <paramref name="refused"/> finds wrong.</summary>
    public static IReadOnlyList<string> ParametersWhere(string? rawQuery, Func<string, bool> refused)
    {
        if (string.IsNullOrEmpty(rawQuery) || !rawQuery.Contains('%'))
        {
            return [];
        }
        var names = new List<string>();
        foreach (var pair in rawQuery.TrimStart('?').Split('&'))
        {
            if (refused(pair))
            {
                var equals = pair.IndexOf('=');
                names.Add(Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' ')));
            }
        }
        return names;
    }

    /// <summary>Whether the bytes a query pair or a path as sent spells (its text as UTF-8, each %XX escape as its byte) are UTF-8.</summary>
    public static bool SpellsUtf8(string encoded)
    {
        var bytes = Encoding.UTF8.GetBytes(encoded);
        return Utf8.IsValid(WebUtility.UrlDecodeToBytes(bytes, 0, bytes.Length));
    }
}
