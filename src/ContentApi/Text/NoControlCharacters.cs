using FluentValidation;
using FluentValidation.Validators;

namespace ContentApi.Text;

/// <summary>
/// Text without control characters but line breaks and tabs (<see cref="TextRules.HasNoControlCharacters"/>), read
/// once without a regular expression (a body holds 500,000 characters), and stated to the OpenAPI document as
/// <see cref="TextRules.NoControlCharactersPattern"/>: as a predicate alone it was in no schema, so a vertical tab
/// pasted from a word processor was a 400 the document allowed.
/// </summary>
public sealed class NoControlCharacters<T> : PropertyValidator<T, string?>, IRegularExpressionValidator
{
    public override string Name => "NoControlCharactersValidator";

    public string Expression => TextRules.NoControlCharactersPattern;

    public override bool IsValid(ValidationContext<T> context, string? value) => TextRules.HasNoControlCharacters(value);

    protected override string GetDefaultMessageTemplate(string errorCode) => TextRules.ControlCharacterMessage;
}

public static class NoControlCharactersRule
{
    /// <summary>No control characters but line breaks and tabs, a rule the OpenAPI document states as a pattern.</summary>
    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule) =>
        rule.SetValidator(new NoControlCharacters<T>());
}
