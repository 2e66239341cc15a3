using FluentValidation;
using FluentValidation.Validators;

namespace ContentApi.Text;

/// <summary>
/// Text whose bidirectional embeddings, overrides and isolates are each closed within it (<see cref="TextRules.HasBalancedBidiControls"/>).
/// Mixed-direction text is text (Arabic or Hebrew names beside Latin ones, an isolate around a user name), and so are
/// the marks U+200E, U+200F and U+061C, which reorder nothing beyond their neighbours; an override left open goes on
/// reordering what a page shows after the field (the next title in a list, the author beside it), the Trojan Source
/// spoof, so a title such as "invoice\u202Efdp.exe" reads "invoiceexe.pdf". A pattern cannot count nesting: the rule is
/// stated in the field's description.
/// </summary>
public sealed class BalancedBidiControls<T> : PropertyValidator<T, string?>
{
    public override string Name => "BalancedBidiControlsValidator";

    public override bool IsValid(ValidationContext<T> context, string? value) => TextRules.HasBalancedBidiControls(value);

    protected override string GetDefaultMessageTemplate(string errorCode) => TextRules.BidiControlMessage;
}

public static class BalancedBidiControlsRule
{
    /// <summary>Each bidirectional embedding, override or isolate closed within the text, and none closed that was not opened.</summary>
    public static IRuleBuilderOptions<T, string?> BalancedBidiControls<T>(this IRuleBuilder<T, string?> rule) =>
        rule.SetValidator(new BalancedBidiControls<T>());
}
