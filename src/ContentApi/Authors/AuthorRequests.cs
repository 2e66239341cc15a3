using System.Globalization;
using System.Text.RegularExpressions;
using ContentApi.Http.Binding;
using ContentApi.Http.Lists;
using ContentApi.OpenApi;
using ContentApi.Text;
using FluentValidation;

namespace ContentApi.Authors;

/// <summary>The body of POST (create) and PUT (replace) for an author; PATCH merges into this shape.</summary>
/// <param name="Name" example="王小明">Display name, as bylines show it, on one line: no line breaks or tabs, no white space at either end, no byte order mark. Must show something: not only white space, zero-width or other invisible characters, or accents alone.</param>
/// <param name="Slug" example="wang-xiao-ming">URL slug: at most 120 characters, hyphens included, and 180 UTF-8 bytes, so that it names a file: words of lowercase letters of any script (with their marks) or digits, joined by single hyphens, in Unicode NFKC but for Thai ำ and Lao ຳ, stored as the one character keyboards type (their two-character NFKC form is taken as it; the pattern checks the part of this a regular expression without Unicode classes can); derived from the name when omitted on create, kept when omitted on replace.</param>
/// <param name="Bio" example="科技記者，關注 AI 與半導體。">Optional short biography (plain text).</param>
/// <param name="AvatarImageId" example="12">Id of the image shown as the author's portrait, or null.</param>
/// <param name="Website" example="https://example.com/wang">The author's own site (http or https), or null.</param>
/// <param name="Email" example="wang@example.com">Contact address; shown only to callers with a key, never to anonymous ones.</param>
public sealed record AuthorRequest(
    string Name, string? Slug = null, string? Bio = null, long? AvatarImageId = null,
    [property: SchemaFormat(Format = "iri")] string? Website = null, [property: SchemaFormat(Format = "idn-email")] string? Email = null);

public sealed partial class AuthorRequestValidator : AbstractValidator<AuthorRequest>
{
    /// <summary>Dot-separated words of anything but spaces and the characters addresses quote or bracket, on both sides of the @.</summary>
    private const string EmailPattern = @"^[^@\s<>()\[\]\\,;:"".]+(\.[^@\s<>()\[\]\\,;:"".]+)*@[^@\s<>()\[\]\\,;:"".]+(\.[^@\s<>()\[\]\\,;:"".]+)+\z";
    public const string EmailMessage = "Must be an email address such as name@example.com.";

    public AuthorRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumCharacters(200).NoControlCharacters().SingleLine().BalancedBidiControls()
            .Must(TextRules.HasVisibleCharacter).WithMessage(TextRules.InvisibleMessage);
        RuleFor(r => r.Slug!).Slug().When(r => r.Slug is not null);
        RuleFor(r => r.Bio!).MaximumCharacters(5000).NoControlCharacters().BalancedBidiControls().When(r => r.Bio is not null);
        RuleFor(r => r.AvatarImageId).GreaterThan(0).When(r => r.AvatarImageId is not null);
        RuleFor(r => r.Website!).HttpUrl().When(r => r.Website is not null);
        RuleFor(r => r.Email!).MaximumCharacters(254).NoControlCharacters()
            .Matches(EmailPattern).WithMessage(EmailMessage).Must(TextRules.HasNoBidiFormatting).WithMessage(EmailMessage)
            .Must(HasHostDomain).WithMessage(EmailMessage).When(r => r.Email is not null);
    }

    /// <summary>The email rule but its length, as one test, for values that come in other ways (import).</summary>
    public static bool IsEmail(string value) =>
        TextRules.HasNoControlCharacters(value) && EmailRegex().IsMatch(value) && TextRules.HasNoBidiFormatting(value) && HasHostDomain(value);

    [GeneratedRegex(EmailPattern)]
    private static partial Regex EmailRegex();

    /// <summary>
    /// Whether the part after the @ is a host name (RFC 5321, IDNA for other scripts): labels of at most 63 letters,
    /// digits and inner hyphens. <c>x@-b.com</c> or <c>a@b_c.co</c> were stored, and clients that check the documented
    /// format idn-email then refused every page listing the author.
    /// </summary>
    private static bool HasHostDomain(string email)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..];
        try
        {
            // IDNA maps what it can (full-width letters) and drops what it may (a zero-width space): the domain must
            // already be written as it maps, but for case.
            var mapping = new IdnMapping { UseStd3AsciiRules = true };
            var ascii = mapping.GetAscii(domain);
            return ascii.Length <= 253 && string.Equals(mapping.GetUnicode(ascii), domain, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>Query of GET /api/v1/authors.</summary>
public sealed record ListAuthorsQuery : IListQuery, IUpdatedRangeQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public int? Page { get; init; }
    public string? Sort { get; init; }
    /// <summary>Only these slugs (comma-separated; repeating the parameter works too).</summary>
    public string? Slug { get; init; }
    /// <summary>Only authors whose name or slug contains this text, compared in NFKC ignoring case (<see cref="Data.FoldedTextScan"/>).</summary>
    public string? Q { get; init; }
    /// <summary>Top-level fields to return (comma-separated), e.g. id,slug,name. Default: all.</summary>
    public string? Fields { get; init; }
    /// <summary>Only those last updated at or after this instant (see <see cref="QueryInstant"/>).</summary>
    public QueryInstant? UpdatedAfter { get; init; }
    /// <summary>Only those last updated before this instant (see <see cref="QueryInstant"/>).</summary>
    public QueryInstant? UpdatedBefore { get; init; }
}

/// <summary>Query of the single-author reads.</summary>
public sealed record AuthorViewQuery
{
    /// <summary>Top-level fields to return (comma-separated), e.g. id,slug,name. Default: all.</summary>
    public string? Fields { get; init; }
}

public sealed class ListAuthorsQueryValidator : ListQueryValidator<ListAuthorsQuery, AuthorRow>
{
    public ListAuthorsQueryValidator() : base(AuthorStore.Sorts)
    {
        RuleFor(q => q.Slug).SlugList();
        RuleFor(q => q.Q).NameSearchText();
        RuleFor(q => q.Fields).FieldsOf<ListAuthorsQuery, AuthorResponse>();
        UpdatedRange.AddRules(this);
    }
}

public sealed class AuthorViewQueryValidator : AbstractValidator<AuthorViewQuery>
{
    public AuthorViewQueryValidator() => RuleFor(q => q.Fields).FieldsOf<AuthorViewQuery, AuthorResponse>();
}
