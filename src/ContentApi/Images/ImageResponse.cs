using ContentApi.Data;
using ContentApi.Http.Writes;
using ContentApi.OpenApi;

namespace ContentApi.Images;

/// <summary>An image's metadata; the bytes live at <c>url</c>.</summary>
public sealed record ImageResponse(
    long Id, [property: SchemaFormat(Format = "iri")] string Url, string AltText, string? Caption, string? Credit, string? License,
    int? Width, int? Height, string? MimeType, long? ByteSize, FocalPoint? FocalPoint,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version);

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

    /// <summary>When the content was last restored (null: never); see <see cref="LastModified"/>.</summary>
    public string? RestoredAt { get; init; }

    /// <summary>Unset unless both coordinates are stored, and finite (no JSON can carry infinity or NaN).</summary>
    public FocalPoint? FocalPoint => FocalX is { } x && FocalY is { } y && double.IsFinite(x) && double.IsFinite(y) ? new FocalPoint(x, y) : null;

    public ImageResponse ToResponse() => new(
        Id, Url, AltText, Caption, Credit, License, Width, Height, MimeType, ByteSize, FocalPoint,
        Timestamps.FromDb(CreatedAt), Timestamps.FromDb(UpdatedAt), Version);

    /// <summary>
    /// For Last-Modified and If-Unmodified-Since: never before the last restore, which may have discarded later edits
    /// (an If-Modified-Since at one of their dates must not get 304). UpdatedAt itself is restored as it was.
    /// </summary>
    public DateTimeOffset LastModified => Timestamps.FromDb(Timestamps.Later(UpdatedAt, RestoredAt));

    public ImageRequest ToRequest() => new(Url, AltText, Caption, Credit, License, Width, Height, MimeType, ByteSize, FocalPoint);
}
