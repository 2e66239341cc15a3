using ContentApi.OpenApi;
using ContentApi.Text;
using FluentValidation;

namespace ContentApi.Images;

/// <summary>The body of POST (create) and PUT (replace) for an image's metadata; PATCH merges into this shape.</summary>
public sealed record ImageRequest(
    [property: SchemaFormat(Format = "iri")] string Url, string AltText, string? Caption = null, string? Credit = null, string? License = null,
    int? Width = null, int? Height = null, string? MimeType = null, long? ByteSize = null, FocalPoint? FocalPoint = null);

/// <summary>The point of interest that crops keep in frame, as fractions of width (x) and height (y) from the top left.</summary>
public sealed record FocalPoint(double X, double Y);

public sealed class ImageRequestValidator : AbstractValidator<ImageRequest>
{
    private const int MaxDimension = 100_000;
    public const string MimeTypePattern = @"^image/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\z";

    public ImageRequestValidator()
    {
        RuleFor(r => r.Url).HttpUrl();
        RuleFor(r => r.AltText).MaximumCharacters(1000).Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage);
        RuleFor(r => r.Caption!).MaximumCharacters(2000).Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage).When(r => r.Caption is not null);
        RuleFor(r => r.Credit!).MaximumCharacters(500).Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage).When(r => r.Credit is not null);
        RuleFor(r => r.License!).MaximumCharacters(500).Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage).When(r => r.License is not null);
        RuleFor(r => r.Width).InclusiveBetween(1, MaxDimension).When(r => r.Width is not null).WithMessage($"Must be a pixel count from 1 to {MaxDimension}.");
        RuleFor(r => r.Height).InclusiveBetween(1, MaxDimension).When(r => r.Height is not null).WithMessage($"Must be a pixel count from 1 to {MaxDimension}.");
        RuleFor(r => r.MimeType!).Matches(MimeTypePattern).When(r => r.MimeType is not null).WithMessage("Must be a lowercase image media type, such as image/jpeg.");
        RuleFor(r => r.ByteSize).GreaterThanOrEqualTo(0).When(r => r.ByteSize is not null).WithMessage("Must not be negative.");
        RuleFor(r => r.FocalPoint!).SetValidator(new FocalPointValidator()).When(r => r.FocalPoint is not null);
    }
}

/// <summary>A validator of its own, not inline child rules, so that the OpenAPI schema of <see cref="FocalPoint"/> states the range too.</summary>
public sealed class FocalPointValidator : AbstractValidator<FocalPoint>
{
    public FocalPointValidator()
    {
        RuleFor(p => p.X).InclusiveBetween(0, 1).WithMessage("Must be between 0 and 1.");
        RuleFor(p => p.Y).InclusiveBetween(0, 1).WithMessage("Must be between 0 and 1.");
    }
}
