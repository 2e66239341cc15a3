using ContentApi.Http.Errors;
using ContentApi.Http.Writes;
using FluentValidation;
using System.Text.Json;

namespace ContentApi.Http.Binding;

/// <summary>
/// Validates every bound argument that has an <see cref="IValidator{T}"/> before the handler runs,
/// and answers 400 with errors keyed by JSON (camelCase) property path.
/// </summary>
public sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        foreach (var argument in context.Arguments)
        {
            if (argument is null || argument is string || argument.GetType().IsPrimitive)
            {
                continue;
            }
            var validatorType = typeof(IValidator<>).MakeGenericType(argument.GetType());
            if (services.GetService(validatorType) is not IValidator validator)
            {
                continue;
            }
            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            if (!result.IsValid)
            {
                var errors = result.Errors
                    .GroupBy(e => ToJsonPath(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
                if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<PreconditionsFirst>() is { } first &&
                    await first.RefusalAsync(context.HttpContext) is { } refused)
                {
                    return refused;
                }
                return Problems.Validation(errors);
            }
        }
        return await next(context);
    }

    /// <summary>"AuthorIds[0]" becomes "authorIds[0]", "FocalPoint.X" becomes "focalPoint.x".</summary>
    public static string ToJsonPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));
}
