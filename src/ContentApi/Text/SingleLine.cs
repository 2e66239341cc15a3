using FluentValidation;
using FluentValidation.Validators;

namespace ContentApi.Text;

/// <summary>
/// Text shown on one line (a byline, a page's &lt;title&gt;, og: tags, an RSS item's title, an alt attribute): no line
/// break or tab, no white space at either end, no byte order mark (<see cref="TextRules.SingleLineProblem"/>), stated to
/// the OpenAPI document as <see cref="TextRules.SingleLinePattern"/>. Blank text passes here: NotEmpty says what is
/// wrong with it.
/// </summary>
public sealed class SingleLine<T> : PropertyValidator<T, string?>, IRegularExpressionValidator
{
    public override string Name => "SingleLineValidator";

    public string Expression => TextRules.SingleLinePattern;

    public override bool IsValid(ValidationContext<T> context, string? value)
    {
        if (TextRules.SingleLineProblem(value) is not { } problem)
        {
            return true;
        }
        context.MessageFormatter.AppendArgument("Problem", problem);
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "{Problem}";
}

public static class SingleLineRule
{
    /// <summary>One line without white space at either end or a byte order mark, a rule the OpenAPI document states as a pattern.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.SetValidator(new SingleLine<T>());
}
