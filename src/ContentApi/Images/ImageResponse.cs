using System.Text.Json.Serialization;
using ContentApi.Data;
using ContentApi.Http.Writes;
using ContentApi.OpenApi;

namespace ContentApi.Images;

/// <summary>An image's metadata; the bytes live at <c>url</c>.</summary>
public sealed record ImageResponse(
    long Id, [property: SchemaFormat(Format = "iri")] string Url, string AltText, string? Caption, string? Credit, string? License,
    int? Width, int? Height, string? MimeType, long? ByteSize, FocalPoint? FocalPoint,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    /// <summary>The name of the API key whose request created it, as it was then; only for callers with a key (left out for anonymous callers), and null (left out) when created before this was recorded or by a CLI command (seed, import).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CreatedBy { get; init; }

    /// <summary>The name of the API key whose request last changed it (a write that changes nothing does not count); only for callers with a key (left out for anonymous callers), and null (left out) when last changed before this was recorded or by a CLI command.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UpdatedBy { get; init; }
}

/// <summary>An image as the database returns it (Dapper maps columns by alias onto these properties).</summary>
public sealed record ImageRow : IVersioned
{
    DateTimeOffset? IVersioned.ModifiedAt => LastModified;

    public long Id { get; init; }
    public string Url { get; init; } = "";
    public string AltText { get; init; } = "";
    public string? Caption { get; init; }
    public string? Credit { get; init; }
    public string? License { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public string? MimeType { get; init; }
    public long? ByteSize { get; init; }
    public double? FocalX { get; init; }
    public double? FocalY { get; init; }
    public string CreatedAt { get; init; } = "";
    public string UpdatedAt { get; init; } = "";
    public long Version { get; init; }
    public string? CreatedBy { get; init; }
    public string? UpdatedBy { get; init; }

    /// <summary>When the content was last restored (null: never); see <see cref="LastModified"/>.</summary>
    public string? RestoredAt { get; init; }

    /// <summary>Unset unless both coordinates are stored, and finite (no JSON can carry infinity or NaN).</summary>
    public FocalPoint? FocalPoint => FocalX is { } x && FocalY is { } y && double.IsFinite(x) && double.IsFinite(y) ? new FocalPoint(x, y) : null;

    /// <summary>
    /// The response; with who created and last updated it only for a key holder (<paramref name="keyed"/>) reading the
    /// image itself: an article or author embeds it without them.
    /// </summary>
    public ImageResponse ToResponse(bool keyed = false) => new ImageResponse(
        Id, Url, AltText, Caption, Credit, License, Width, Height, MimeType, ByteSize, FocalPoint,
        Timestamps.FromDb(CreatedAt), Timestamps.FromDb(UpdatedAt), Version)
    {
        CreatedBy = keyed ? CreatedBy : null,
        UpdatedBy = keyed ? UpdatedBy : null,
    };

    /// <summary>
    /// For Last-Modified and If-Unmodified-Since: never before the last restore, which may have discarded later edits
    /// (an If-Modified-Since at one of their dates must not get 304). UpdatedAt itself is restored as it was.
    /// </summary>
    public DateTimeOffset LastModified => Timestamps.FromDb(Timestamps.Later(UpdatedAt, RestoredAt));

    public ImageRequest ToRequest() => new(Url, AltText, Caption, Credit, License, Width, Height, MimeType, ByteSize, FocalPoint);
}
