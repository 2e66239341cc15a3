using System.Text.RegularExpressions;
using ContentApi.Http.Binding;
using ContentApi.Http.Json;
using ContentApi.Http.Lists;
using ContentApi.OpenApi;
using ContentApi.Text;
using FluentValidation;

namespace ContentApi.Images;

/// <summary>The body of POST (create) and PUT (replace) for an image's metadata; PATCH merges into this shape.</summary>
/// <param name="Url" example="https://cdn.example.com/2025/09/qwen3-max-launch.jpg">Where the image's bytes are served (http or https); the API stores metadata only.</param>
/// <param name="AltText" example="阿里雲發布會現場，舞台上的 Qwen3-Max 投影">Text that replaces the image for readers who cannot see it; empty for a decorative image; else on one line, as an alt attribute shows it: no line breaks or tabs, no white space at either end, no byte order mark.</param>
/// <param name="Caption" example="阿里雲杭州發布會現場">What the picture shows, as figures caption it; null for none (not empty or only white space).</param>
/// <param name="Credit" example="圖源:ifanr">Who made or supplied the image (source attribution), shown with it; null for none (not empty or only white space).</param>
/// <param name="License" example="CC BY 4.0">Terms the image is used under; null for none (not empty or only white space).</param>
/// <param name="Width" example="1200">Width in pixels; given with the height, or neither is.</param>
/// <param name="Height" example="800">Height in pixels; given with the width, or neither is.</param>
/// <param name="MimeType" example="image/jpeg">Lowercase image media type.</param>
/// <param name="ByteSize" example="245760">Size of the file in bytes.</param>
/// <param name="FocalPoint">The point crops keep in frame, or null for the centre.</param>
public sealed record ImageRequest(
    [property: SchemaFormat(Format = "iri")] string Url, string AltText, string? Caption = null, string? Credit = null, string? License = null,
    int? Width = null, int? Height = null, string? MimeType = null, long? ByteSize = null, FocalPoint? FocalPoint = null);

/// <summary>The point of interest that crops keep in frame, as fractions of width (x) and height (y) from the top left.</summary>
/// <param name="X" example="0.5">Fraction of the width from the left edge.</param>
/// <param name="Y" example="0.33">Fraction of the height from the top edge.</param>
public sealed record FocalPoint(double X, double Y);

public sealed partial class ImageRequestValidator : AbstractValidator<ImageRequest>
{
    public const int MaxDimension = 100_000;
    public const string MimeTypePattern = @"^image/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\z";
    public const string MimeTypeMessage = "Must be a lowercase image media type, such as image/jpeg.";
    public static readonly string PixelCountMessage = $"Must be a pixel count from 1 to {MaxDimension}.";
    public const string BlankMessage = "Must not be empty or only white space: send null (or leave it out) for none.";
    public const string SizeTogetherMessage = "Width and height are given together or not at all: a figure sized on one side only is stretched.";
    public const string ByteSizeMessage = "Must be a byte count from 0 to 9007199254740991 (2^53 - 1, the largest integer JavaScript holds exactly).";

    public ImageRequestValidator()
    {
        RuleFor(r => r.Url).HttpUrl();
        RuleFor(r => r.AltText).MaximumCharacters(1000).NoControlCharacters().SingleLine().BalancedBidiControls();
        // Optional texts: null is none, and blank text is no credit, caption or license to show either.
        RuleFor(r => r.Caption!).NotEmpty().WithMessage(BlankMessage).MaximumCharacters(2000).NoControlCharacters().BalancedBidiControls().When(r => r.Caption is not null);
        RuleFor(r => r.Credit!).NotEmpty().WithMessage(BlankMessage).MaximumCharacters(500).NoControlCharacters().BalancedBidiControls().When(r => r.Credit is not null);
        RuleFor(r => r.License!).NotEmpty().WithMessage(BlankMessage).MaximumCharacters(500).NoControlCharacters().BalancedBidiControls().When(r => r.License is not null);
        RuleFor(r => r.Width).InclusiveBetween(1, MaxDimension).When(r => r.Width is not null).WithMessage(PixelCountMessage);
        RuleFor(r => r.Height).InclusiveBetween(1, MaxDimension).When(r => r.Height is not null).WithMessage(PixelCountMessage);
        // Judged on the whole request, which a PATCH has merged: a figure sized on one side only is stretched.
        RuleFor(r => r.Width).NotNull().When(r => r.Height is not null).WithMessage(SizeTogetherMessage);
        RuleFor(r => r.Height).NotNull().When(r => r.Width is not null).WithMessage(SizeTogetherMessage);
        RuleFor(r => r.MimeType!).Matches(MimeTypePattern).When(r => r.MimeType is not null).WithMessage(MimeTypeMessage);
        RuleFor(r => r.ByteSize).InclusiveBetween(0, JsonNumbers.MaxSafeInteger).When(r => r.ByteSize is not null).WithMessage(ByteSizeMessage);
        RuleFor(r => r.FocalPoint!).SetValidator(new FocalPointValidator()).When(r => r.FocalPoint is not null);
    }

    /// <summary>The width and height rule as one test, for values that come in other ways (import).</summary>
    public static bool IsPixelCount(long value) => value is >= 1 and <= MaxDimension;

    /// <summary>The media type rule as one test, for values that come in other ways (import).</summary>
    public static bool IsMimeType(string value) => MimeTypeRegex().IsMatch(value);

    [GeneratedRegex(MimeTypePattern)]
    private static partial Regex MimeTypeRegex();
}

/// <summary>A validator of its own, not inline child rules, so that the OpenAPI schema of <see cref="FocalPoint"/> states the range too.</summary>
public sealed class FocalPointValidator : AbstractValidator<FocalPoint>
{
    public const string RangeMessage = "Must be between 0 and 1.";

    public static bool IsInRange(double coordinate) => coordinate is >= 0 and <= 1;

    public FocalPointValidator()
    {
        RuleFor(p => p.X).InclusiveBetween(0, 1).WithMessage(RangeMessage);
        RuleFor(p => p.Y).InclusiveBetween(0, 1).WithMessage(RangeMessage);
    }
}

/// <summary>Query of GET /api/v1/images.</summary>
public sealed record ListImagesQuery : IListQuery, IUpdatedRangeQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public int? Page { get; init; }
    public string? Sort { get; init; }
    public string? MimeType { get; init; }
    [SchemaFormat(Format = "iri")]
    public string? Url { get; init; }
    /// <summary>Only images whose alt text, caption or credit contains this text, compared in NFKC ignoring case (<see cref="Data.FoldedTextScan"/>).</summary>
    public string? Q { get; init; }
    /// <summary>Top-level fields to return (comma-separated), e.g. id,url,width,height. Default: all.</summary>
    public string? Fields { get; init; }
    /// <summary>Only those last updated at or after this instant (see <see cref="QueryInstant"/>).</summary>
    public QueryInstant? UpdatedAfter { get; init; }
    /// <summary>Only those last updated before this instant (see <see cref="QueryInstant"/>).</summary>
    public QueryInstant? UpdatedBefore { get; init; }
}

/// <summary>Query of the single-image read.</summary>
public sealed record ImageViewQuery
{
    /// <summary>Top-level fields to return (comma-separated), e.g. id,url,width,height. Default: all.</summary>
    public string? Fields { get; init; }
}

public sealed class ListImagesQueryValidator : ListQueryValidator<ListImagesQuery, ImageRow>
{
    public ListImagesQueryValidator() : base(ImageStore.Sorts)
    {
        RuleFor(q => q.MimeType!).Matches(ImageRequestValidator.MimeTypePattern).When(q => q.MimeType is not null)
            .WithMessage(ImageRequestValidator.MimeTypeMessage);
        RuleFor(q => q.Url!).HttpUrl().When(q => q.Url is not null);
        RuleFor(q => q.Q).NameSearchText();
        RuleFor(q => q.Fields).FieldsOf<ListImagesQuery, ImageResponse>();
        UpdatedRange.AddRules(this);
    }
}

public sealed class ImageViewQueryValidator : AbstractValidator<ImageViewQuery>
{
    public ImageViewQueryValidator() => RuleFor(q => q.Fields).FieldsOf<ImageViewQuery, ImageResponse>();
}
