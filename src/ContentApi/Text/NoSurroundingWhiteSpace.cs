using FluentValidation;
using FluentValidation.Validators;

namespace ContentApi.Text;

/// <summary>
/// Text that may hold line breaks but neither starts nor ends with white space (as .NET's char.IsWhiteSpace reads it), as
/// a title's <see cref="SingleLine{T}"/> asks of its ends: a subtitle "  前後空白  " was stored and served as sent. Stated to
/// the OpenAPI document as <see cref="NoSurroundingWhiteSpaceRule.Pattern"/>, which says what <see cref="NoControlCharacters{T}"/> does too, as a
/// schema holds one pattern.
/// </summary>
public sealed class NoSurroundingWhiteSpace<T> : PropertyValidator<T, string?>, IRegularExpressionValidator
{
    public override string Name => "NoSurroundingWhiteSpaceValidator";

    public string Expression => NoSurroundingWhiteSpaceRule.Pattern;

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        string.IsNullOrEmpty(value) || !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1]);

    protected override string GetDefaultMessageTemplate(string errorCode) => TextRules.SurroundingWhiteSpaceMessage;
}

public static class NoSurroundingWhiteSpaceRule
{
    /// <summary>No white space (char.IsWhiteSpace) first or last, and no control character but line breaks and tabs.</summary>
    public const string Pattern =
        @"^(?![\t-\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000])(?![\s\S]*[\t-\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]\z)[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*\z";

    /// <summary>No white space at either end, line breaks inside allowed, a rule the OpenAPI document states as a pattern.</summary>
    public static IRuleBuilderOptions<T, string?> NoSurroundingWhiteSpace<T>(this IRuleBuilder<T, string?> rule) =>
        rule.SetValidator(new NoSurroundingWhiteSpace<T>());
}
