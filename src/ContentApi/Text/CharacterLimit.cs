using FluentValidation;
using FluentValidation.Validators;

namespace ContentApi.Text;

/// <summary>
/// A maximum length in characters (Unicode scalar values), as JSON Schema's maxLength counts them. FluentValidation's
/// MaximumLength counts UTF-16 units, so 200 ideographs beyond the Basic Multilingual Plane (𠮷, as in real names)
/// measured 400 and were refused by a limit of 300.
/// </summary>
public sealed class CharacterLimit<T>(int max) : PropertyValidator<T, string?>, ILengthValidator
{
    public override string Name => "MaximumLengthValidator";

    public int Min => 0;

    public int Max => max;

    public override bool IsValid(ValidationContext<T> context, string? value)
    {
        if (value is null)
        {
            return true;
        }
        var characters = CharacterLimit.Count(value);
        if (characters <= max)
        {
            return true;
        }
        context.MessageFormatter.AppendArgument("MaxLength", max).AppendArgument("TotalLength", characters);
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) =>
        "Must be at most {MaxLength} characters; it has {TotalLength}.";
}

public static class CharacterLimit
{
    /// <summary>Characters: Unicode scalar values (a lone surrogate counts as one).</summary>
    public static int Count(string value) => value.EnumerateRunes().Count();

    /// <summary>At most <paramref name="max"/> characters, counted as Unicode scalar values.</summary>
    public static IRuleBuilderOptions<T, string?> MaximumCharacters<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.SetValidator(new CharacterLimit<T>(max));
}
