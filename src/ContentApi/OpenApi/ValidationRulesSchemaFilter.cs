using System.Globalization;
using System.Text.Json;
using ContentApi.Text;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>
/// Puts the limits the request validators enforce into the request schemas (lengths, ranges, non-empty lists, email
/// format), so generated clients can check a request before sending it. Rules that are arbitrary code (<c>Must</c>)
/// are left to the property's own <see cref="SchemaFormatAttribute"/>. A rule that applies only when the property is
/// sent (<c>When(x is not null)</c>) still describes every value sent, so conditions are not held against it.
/// </summary>
public sealed class ValidationRulesSchemaFilter(IServiceProvider services) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties })
        {
            return;
        }
        foreach (var clrProperty in context.Type.GetProperties())
        {
            if (clrProperty.GetCustomAttributes(typeof(SchemaFormatAttribute), true).FirstOrDefault() is SchemaFormatAttribute format &&
                properties.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(clrProperty.Name), out var formatted) && formatted is OpenApiSchema formattedSchema)
            {
                formattedSchema.Format = format.Format ?? formattedSchema.Format;
                formattedSchema.Pattern = format.Pattern is { } pattern ? EcmaScript(pattern) : formattedSchema.Pattern;
                formattedSchema.MaxItems = format.MaxItems > 0 ? format.MaxItems : formattedSchema.MaxItems;
                formattedSchema.UniqueItems = format.UniqueItems ? true : formattedSchema.UniqueItems;
            }
        }
        if (ValidatorOf(services, context.Type) is not { } validator)
        {
            return;
        }
        foreach (var member in validator.CreateDescriptor().GetMembersWithValidators())
        {
            if (properties.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(member.Key), out var property) && property is OpenApiSchema target)
            {
                DescribeMember(validator, member.Key, target);
            }
        }
    }

    /// <summary>The validator the app registered for <paramref name="type"/>, if any.</summary>
    internal static IValidator? ValidatorOf(IServiceProvider services, Type type) =>
        services.GetService(typeof(IValidator<>).MakeGenericType(type)) as IValidator;

    /// <summary>Puts what <paramref name="validator"/> checks of one member into its schema (a body property's or a query parameter's).</summary>
    internal static void DescribeMember(IValidator validator, string memberName, OpenApiSchema schema)
    {
        var descriptor = validator.CreateDescriptor();
        // RuleForEach: its validators apply to the list's items.
        var eachItem = descriptor.GetRulesForMember(memberName).Where(IsForEach).SelectMany(r => r.Components).Select(c => c.Validator).ToHashSet();
        foreach (var rule in descriptor.GetValidatorsForMember(memberName).Select(v => v.Validator))
        {
            if ((eachItem.Contains(rule) ? schema.Items as OpenApiSchema : schema) is { } applies)
            {
                Describe(applies, rule);
            }
        }
    }

    private static void Describe(OpenApiSchema schema, IPropertyValidator rule)
    {
        var type = schema.Type ?? 0;
        var isArray = type.HasFlag(JsonSchemaType.Array);
        var isString = type.HasFlag(JsonSchemaType.String) && schema.Format is not ("date-time" or "date");
        var isNumber = type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number);
        switch (rule)
        {
            case INotEmptyValidator when isArray:
                schema.MinItems = 1;
                break;
            // NotEmpty refuses blank text too ("   "), which a length alone allows.
            case INotEmptyValidator when isString:
                schema.MinLength = 1;
                schema.Pattern = schema.Pattern is null ? NotBlank : schema.Pattern == NoControls ? NotBlankNoControls : schema.Pattern;
                break;
            case ILengthValidator length when isString:
                schema.MinLength = length.Min > 0 ? length.Min : schema.MinLength;
                schema.MaxLength = length.Max > 0 ? length.Max : schema.MaxLength;
                break;
            case IBetweenValidator { From: IConvertible from, To: IConvertible to } between when isNumber && !between.Name.StartsWith("Exclusive", StringComparison.Ordinal):
                schema.Minimum = Invariant(from);
                schema.Maximum = Invariant(to);
                break;
            // Integer bounds only (ids, counts): "greater than 0" is "at least 1".
            case IComparisonValidator { ValueToCompare: int or long } comparison when isNumber:
                var bound = Convert.ToInt64(comparison.ValueToCompare, CultureInfo.InvariantCulture);
                (schema.Minimum, schema.Maximum) = comparison.Comparison switch
                {
                    Comparison.GreaterThan => (Invariant(bound + 1), schema.Maximum),
                    Comparison.GreaterThanOrEqual => (Invariant(bound), schema.Maximum),
                    Comparison.LessThan => (schema.Minimum, Invariant(bound - 1)),
                    Comparison.LessThanOrEqual => (schema.Minimum, Invariant(bound)),
                    _ => (schema.Minimum, schema.Maximum),
                };
                break;
            // A pattern cannot count nesting: the rule is said in words.
            case IPropertyValidator { Name: "BalancedBidiControlsValidator" } when isString:
                schema.Description = schema.Description is not { Length: > 0 } description ? TextRules.BidiControlsBalanced
                    : description.Contains(TextRules.BidiControlsBalanced, StringComparison.Ordinal) ? description
                    : $"{description} {TextRules.BidiControlsBalanced}";
                break;
            case IEmailValidator:
                schema.Format ??= "email";
                break;
            case IRegularExpressionValidator regex when isString:
                // A pattern is one regular expression: a text that must not be blank takes both rules in one, and one
                // that already has a pattern of its own (which says more) keeps it.
                schema.Pattern = regex.Expression != TextRules.NoControlCharactersPattern ? EcmaScript(regex.Expression)
                    : schema.Pattern is null ? NoControls : schema.Pattern == NotBlank ? NotBlankNoControls : schema.Pattern;
                break;
        }
    }

    /// <summary>
    /// JSON Schema patterns are ECMA-262, which has no \z; its $ (without multiline) is the end of input, as \z is in
    /// .NET (whose $ also matches before a final newline, which is why the validators use \z).
    /// </summary>
    private const string NotBlank = @"\S";

    private static readonly string NoControls = EcmaScript(TextRules.NoControlCharactersPattern);

    private static readonly string NotBlankNoControls = EcmaScript(TextRules.NotBlankNoControlCharactersPattern);

    internal static string EcmaScript(string dotNetPattern) => dotNetPattern.Replace(@"\z", "$", StringComparison.Ordinal);

    private static bool IsForEach(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    private static string Invariant(IConvertible value) => value.ToString(CultureInfo.InvariantCulture);
}
