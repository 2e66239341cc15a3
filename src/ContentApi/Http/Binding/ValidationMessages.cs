using System.Globalization;
using FluentValidation;
using FluentValidation.Resources;

namespace ContentApi.Http.Binding;

/// <summary>
/// FluentValidation's built-in rules in the API's own wording ("Must not be empty.": the errors key names the field)
/// and in English whatever the server's locale. By default they name the C# property ("'Tag Ids' must be greater than
/// '0'.") and follow the UI culture: a server started under LANG=de_DE answered "'Title' darf nicht leer sein.".
/// </summary>
public sealed class ValidationMessages : LanguageManager
{
    private static readonly Dictionary<string, string> Wording = new()
    {
        ["NotEmptyValidator"] = "Must not be empty.",
        ["NotNullValidator"] = "Must not be null.",
        ["NullValidator"] = "Must be left out.",
        ["EmptyValidator"] = "Must be empty.",
        ["GreaterThanValidator"] = "Must be greater than {ComparisonValue}.",
        ["GreaterThanOrEqualValidator"] = "Must be at least {ComparisonValue}.",
        ["LessThanValidator"] = "Must be less than {ComparisonValue}.",
        ["LessThanOrEqualValidator"] = "Must be at most {ComparisonValue}.",
        ["InclusiveBetweenValidator"] = "Must be from {From} to {To}.",
        ["ExclusiveBetweenValidator"] = "Must be more than {From} and less than {To}.",
        ["EqualValidator"] = "Must be {ComparisonValue}.",
        ["NotEqualValidator"] = "Must not be {ComparisonValue}.",
        ["EnumValidator"] = "Must be one of the values the API documents.",
        ["MaximumLengthValidator"] = "Must be at most {MaxLength} characters.",
        ["MinimumLengthValidator"] = "Must be at least {MinLength} characters.",
        ["LengthValidator"] = "Must be {MinLength} to {MaxLength} characters.",
        ["ExactLengthValidator"] = "Must be {MaxLength} characters.",
        ["RegularExpressionValidator"] = "Is not in the expected form.",
        ["EmailValidator"] = "Must be an email address.",
        ["PredicateValidator"] = "Is not valid.",
        ["AsyncPredicateValidator"] = "Is not valid.",
    };

    private ValidationMessages()
    {
        Culture = CultureInfo.GetCultureInfo("en");
        foreach (var (key, message) in Wording)
        {
            AddTranslation("en", key, message);
        }
    }

    /// <summary>Makes every validator use this wording (FluentValidation's options are global).</summary>
    public static void Use() => ValidatorOptions.Global.LanguageManager = new ValidationMessages();
}
