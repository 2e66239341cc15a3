using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using ContentApi.Http.Json;

namespace ContentApi.Http.Lists;

/// <summary>The page envelope every list returns.</summary>
/// <param name="Limit">How many items a page holds at most.</param>
/// <param name="NextCursor">Opaque cursor of the next page; null on the last page.</param>
/// <param name="Total">How many items match the filters, across all pages.</param>
public sealed record PageInfo(int Limit, string? NextCursor, long Total)
{
    /// <summary>The highest <c>page</c> the list takes (for its links; not sent).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int MaxPage { get; init; } = Paging.MaxPage;

    /// <summary>How many of the matching items pages reach, when fewer than all (search: its first 1,000), for the links; not sent.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long? MaxItems { get; init; }
}

public interface IPagedResponse
{
    PageInfo Page { get; }
}

public sealed record ListResponse<T>(IReadOnlyList<T> Items, PageInfo Page) : IPagedResponse;

public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    /// <summary>Highest page number lists take (numbered pages cost more the deeper they go; cursors do not).</summary>
    public const int MaxPage = 100_000;

    /// <summary>Most slugs the <c>slug</c> filter of authors and tags takes.</summary>
    public const int MaxSlugs = 100;

    /// <summary>Most ids the <c>id</c> filter of articles takes.</summary>
    public const int MaxIds = 100;
}

/// <summary>
/// Keyset position: the sort key it was made for, the last row's sort value and id. Opaque to callers
/// (base64url JSON), bound to the sort so a cursor cannot be replayed under another order.
/// </summary>
public sealed record Cursor(string Sort, string? Value, long Id)
{
    /// <summary>
    /// The longest cursor read back: the ceiling of <c>Limits:MaxUrlLength</c>, which refuses longer URLs first. It
    /// cannot follow today's longest title: a title stored under earlier rules or by SQL may be longer, and every cursor
    /// the API issues must be taken back when its URL fits.
    /// </summary>
    public const int MaxLength = Limits.RequestLimitsOptions.LongestUrlAllowed;

    public string Encode()
    {
        // The API's options write text as it is, not escaped: "\uD842\uDFB7" for 𠮷 made a cursor three times the length of its UTF-8.
        var json = JsonSerializer.SerializeToUtf8Bytes(new[] { Sort, Value, Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, JsonSetup.Options);
        return Base64Url.EncodeToString(json);
    }

    public static bool TryDecode(string text, string expectedSort, out Cursor cursor)
    {
        cursor = new Cursor(expectedSort, null, 0);
        if (text.Length is 0 or > MaxLength)
        {
            return false;
        }
        try
        {
            var bytes = Base64Url.DecodeFromChars(text);
            var parts = JsonSerializer.Deserialize<string?[]>(Encoding.UTF8.GetString(bytes));
            if (parts is not { Length: 3 } || parts[0] != expectedSort || !long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                return false;
            }
            cursor = new Cursor(expectedSort, parts[1], id);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }
}
