using ContentApi.Authors;
using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// The keys of an author's or tag's <see cref="NamedDetails"/> as sites write them: Docusaurus' <c>title</c>, <c>url</c>,
/// <c>image_url</c> and <c>email</c>, MkDocs Material's <c>description</c> and <c>avatar</c>, this API's <c>bio</c> and
/// <c>website</c>; a tag's <c>description</c>. A URL that is not absolute http(s) (a theme's <c>/img/a.png</c>) or an
/// address the API refuses is left out, with the reason.
/// </summary>
internal static class NamedDetailsKeys
{
    /// <summary>False when <paramref name="key"/> is none of them; else <paramref name="refusal"/> says why a value was left out.</summary>
    public static bool TryRead(string key, string value, bool ofAuthor, ref NamedDetails details, out string? refusal)
    {
        refusal = null;
        switch (key)
        {
            case "description":
            case "title" or "bio" when ofAuthor:
                details = details with { Text = value };
                return true;
            case "url" or "website" when ofAuthor:
                refusal = TextRules.IsHttpUrl(value) ? null : $"'{key}' {value} left out: an author's website is an absolute http(s) URL.";
                details = refusal is null ? details with { Website = value } : details;
                return true;
            case "image_url" or "avatar" when ofAuthor:
                refusal = TextRules.IsHttpUrl(value) ? null : $"'{key}' {value} left out: a portrait is read from an absolute http(s) URL (a path is the old site's).";
                details = refusal is null ? details with { PictureUrl = value } : details;
                return true;
            case "email" when ofAuthor:
                refusal = AuthorRequestValidator.IsEmail(value) ? null : $"'{key}' {value} left out: {AuthorRequestValidator.EmailMessage}";
                details = refusal is null ? details with { Email = value } : details;
                return true;
            default:
                return false;
        }
    }
}
