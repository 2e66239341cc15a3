using ContentApi.Authors;
using ContentApi.Images;
using ContentApi.Tags;

namespace ContentApi.Import;

/// <summary>The API requests for what a file names or gives: its authors, tags and images.</summary>
internal static class ImportRequests
{
    internal static AuthorRequest AuthorRequestOf(NamedRef named, long? avatarId = null) =>
        new(named.Name, named.Slug, named.Details?.Text, avatarId, named.Details?.Website, named.Details?.Email);

    internal static TagRequest TagRequestOf(NamedRef named) => new(named.Name, named.Slug, named.Details?.Text);

    internal static ImageRequest ImageRequestOf(ImportImage image) => new(image.Url, image.AltText, image.Caption, image.Credit);

    internal static ImageRequest ImageRequestOf(CoverImageRef cover) => new(cover.Url, cover.AltText ?? "", cover.Caption);

    internal static string ImageProblem(ImageRequest image, FluentValidation.Results.ValidationResult invalid) =>
        $"Image {image.Url}: " + string.Join(" ", invalid.Errors.Select(e => $"{Http.Binding.ValidationFilter.ToJsonPath(e.PropertyName)}: {e.ErrorMessage}"));
}
