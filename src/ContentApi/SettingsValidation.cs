using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace ContentApi;

/// <summary>
/// The data annotations of a settings section, checked and said as the operator wrote the setting:
/// "Database:BusyTimeoutSeconds is -1; it must be from 1 to 60." The stock check named the options class and the
/// attribute ("DataAnnotation validation failed for 'DatabaseOptions' members: …") and gave long.MaxValue as
/// "9.223372036854776E+18".
/// </summary>
public sealed class SettingsValidation<TOptions>(string section) : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(property => PropertyFailures(property, property.GetValue(options)))
            .Concat(options is IValidatableObject validatable
                ? validatable.Validate(new ValidationContext(options)).Select(result => Named(result.ErrorMessage ?? "", result.MemberNames))
                : [])
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IEnumerable<string> PropertyFailures(PropertyInfo property, object? value) =>
        property.GetCustomAttributes<ValidationAttribute>().Where(attribute => !attribute.IsValid(value)).Select(attribute =>
            $"{section}:{property.Name} is {Shown(value)}; it {Requirement(attribute, property.Name)}");

    private static string Requirement(ValidationAttribute attribute, string member) => attribute switch
    {
        RangeAttribute range when IsUnbounded(range.Maximum) => $"must be {Number(range.Minimum)} or more.",
        RangeAttribute range => $"must be from {Number(range.Minimum)} to {Number(range.Maximum)}.",
        RequiredAttribute { ErrorMessage: null } => "must be set.",
        _ when attribute.FormatErrorMessage(member) is var message && message.StartsWith(member + " ", StringComparison.Ordinal) =>
            message[(member.Length + 1)..],
        _ => attribute.FormatErrorMessage(member),
    };

    /// <summary>A message of the options' own checks, with the section before the member it starts with.</summary>
    private string Named(string message, IEnumerable<string> members) =>
        members.FirstOrDefault(member => message.StartsWith(member + " ", StringComparison.Ordinal)) is not null
            ? $"{section}:{message}"
            : message;

    /// <summary>int.MaxValue or long.MaxValue (which RangeAttribute keeps as a double): no bound an operator meets.</summary>
    private static bool IsUnbounded(object bound) => Convert.ToDouble(bound, CultureInfo.InvariantCulture) >= int.MaxValue;

    private static string Number(object bound) => Convert.ToString(bound, CultureInfo.InvariantCulture) ?? "";

    private static string Shown(object? value) => value switch
    {
        null or "" => "empty",
        string text => $"'{text}'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
