using ContentApi.Authors;
using ContentApi.Tags;
using ContentApi.Text;
using FluentValidation;

namespace ContentApi.Import;

/// <summary>
/// The keys of an author's or tag's <see cref="NamedDetails"/> as sites write them: Docusaurus' <c>title</c>, <c>url</c>,
/// <c>image_url</c> and <c>email</c>, MkDocs Material's <c>description</c> and <c>avatar</c>, this API's <c>bio</c> and
/// <c>website</c>; a tag's <c>description</c>. A value the API's rules refuse (a bio past its length, a URL that is not
/// absolute http(s), such as a theme's <c>/img/a.png</c>, an address it does not take) is left out with the reason, so
/// that one bad line of a site's authors file fails none of the posts naming that author.
/// </summary>
internal static class NamedDetailsKeys
{
    private static readonly AuthorRequestValidator AuthorRules = new();
    private static readonly TagRequestValidator TagRules = new();

    /// <summary>False when <paramref name="key"/> is none of them; else <paramref name="refusal"/> says why a value was left out.</summary>
    public static bool TryRead(string key, string value, bool ofAuthor, ref NamedDetails details, out string? refusal)
    {
        var (read, property) = (key, ofAuthor) switch
        {
            ("description", false) => (details with { Text = value }, nameof(TagRequest.Description)),
            ("description" or "title" or "bio", true) => (details with { Text = value }, nameof(AuthorRequest.Bio)),
            ("url" or "website", true) => (details with { Website = value }, nameof(AuthorRequest.Website)),
            ("email", true) => (details with { Email = value }, nameof(AuthorRequest.Email)),
            ("image_url" or "avatar", true) => (details with { PictureUrl = value }, "portrait"),
            _ => (details, ""),
        };
        refusal = null;
        if (property.Length == 0)
        {
            return false;
        }
        var message = property switch
        {
            "portrait" => TextRules.IsHttpUrl(value) ? null : "a portrait is read from an absolute http(s) URL (a path is the old site's).",
            nameof(TagRequest.Description) => FirstError(TagRules.Validate(new TagRequest("x", Description: value)), property),
            _ => FirstError(AuthorRules.Validate(new AuthorRequest("x", Bio: read.Text, Website: read.Website, Email: read.Email)), property),
        };
        if (message is null)
        {
            details = read;
        }
        else
        {
            refusal = $"'{key}' {Http.Errors.Echoed.Cut(value)} left out: {message}";
        }
        return true;
    }

    private static string? FirstError(FluentValidation.Results.ValidationResult result, string property) =>
        result.Errors.FirstOrDefault(error => error.PropertyName == property)?.ErrorMessage;
}
