using ContentApi.OpenApi;
using ContentApi.Text;
using FluentValidation;

namespace ContentApi.Http.Lists;

/// <summary>The <c>q</c> filter of the author, tag and image lists (<see cref="Data.FoldedTextScan"/>): its rule and its description.</summary>
public static class NameSearch
{
    public const int MaxLength = 100;

    public const string EmptyMessage = "Must be a text to look for; it is empty.";

    /// <summary>A text of 1 to 100 characters on one line that shows something; white space around it is ignored.</summary>
    public static IRuleBuilderOptions<T, string?> NameSearchText<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).Must(value => value is null || !string.IsNullOrWhiteSpace(value)).WithMessage(EmptyMessage)
            .MaximumCharacters(MaxLength).NoControlCharacters()
            .Must(value => value is null || !value.Any(c => c == '\t' || TextRules.IsLineBreak(c))).WithMessage(TextRules.LineBreakMessage)
            .Must(TextRules.HasVisibleCharacter).WithMessage(TextRules.InvisibleMessage);

    /// <summary>The description of <c>q</c> on a list whose <paramref name="texts"/> it looks in, with an example it finds.</summary>
    public static ParameterDescriptionMetadata Parameter(string texts, string example) => new("q",
        $"Only items whose {texts} contains this text (e.g. `{example}`), compared as tag names are for uniqueness: in Unicode NFKC, " +
        "ignoring case and format characters, so `ＡＩ`, `ai` and `AI` find `AI`, a decomposed `Cafe\u0301` is found by `café` and " +
        "`台北` U+200B `市` (a zero-width space between) by `台北市`; Chinese and other unspaced " +
        "scripts match any part (`語言` finds `大型語言模型`). Not full-text search: the text is found as written, without stemming " +
        "or Traditional/Simplified matching. Combined with the other filters and visibility, in the list's sort (not ranked). " +
        $"1 to {MaxLength} characters on one line, showing something (else a 400); white space around it is ignored.");
}
