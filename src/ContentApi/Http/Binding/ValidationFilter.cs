using ContentApi.Data;
using ContentApi.Http.Errors;
using ContentApi.Http.Pipeline;
using ContentApi.Http.Writes;
using FluentValidation;
using System.Text.Json;

namespace ContentApi.Http.Binding;

/// <summary>
/// Validates every bound argument that has an <see cref="IValidator{T}"/> before the handler runs,
/// and answers 400 with errors keyed by JSON (camelCase) property path. On a write that judges its preconditions first
/// (a PUT: <see cref="PreconditionsFirst"/>), a failed body is answered as that decides: its preconditions' refusal
/// first, and no error about a value it restates from the resource as stored (as a PATCH is judged).
/// </summary>
public sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await JudgeAsync(context) is { } answer)
            {
                return answer;
            }
            var result = await next(context);
            // A body judged against a version that another write replaced before its own (JudgedVersion): judged again
            // against the newer one, as a patch is merged again onto it.
            if (context.HttpContext.Features.Get<JudgedVersion>() is not { Overtaken: true })
            {
                return result;
            }
            context.HttpContext.Features.Set<JudgedVersion>(null);
            if (attempt >= PatchHandler.MaxAttempts)
            {
                throw new DatabaseBusyException("The resource changed on every attempt to judge the body against it.");
            }
        }
    }

    /// <summary>The answer to arguments that fail validation; null when the handler may run.</summary>
    private static async Task<object?> JudgeAsync(EndpointFilterInvocationContext context)
    {
        foreach (var (argument, validator) in Validated(context))
        {
            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            if (result.IsValid)
            {
                continue;
            }
            // The stored resource is read only now, for a body that failed.
            if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<PreconditionsFirst>() is { } first)
            {
                if (await first.AnswerInvalidAsync(context.HttpContext, argument, validator, result) is { } answer)
                {
                    return answer;
                }
                continue;
            }
            return Problems.Validation(result.ToErrors());
        }
        return null;
    }

    /// <summary>
    /// The errors the validators find in the arguments, each judged on its own, for a request already refused for its
    /// query (<see cref="UnknownQueryParameterFilter"/>), which lists them with its own.
    /// </summary>
    internal static async Task<Dictionary<string, string[]>> ErrorsAsync(EndpointFilterInvocationContext context)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (argument, validator) in Validated(context))
        {
            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var (field, messages) in result.ToErrors())
            {
                errors.TryAdd(field, messages);
            }
        }
        return errors;
    }

    /// <summary>The arguments that have a validator, with it.</summary>
    private static IEnumerable<(object Argument, IValidator Validator)> Validated(EndpointFilterInvocationContext context)
    {
        var services = context.HttpContext.RequestServices;
        foreach (var argument in context.Arguments)
        {
            if (argument is null || argument is string || argument.GetType().IsPrimitive)
            {
                continue;
            }
            if (services.GetService(typeof(IValidator<>).MakeGenericType(argument.GetType())) is IValidator validator)
            {
                yield return (argument, validator);
            }
        }
    }

    /// <summary>"AuthorIds[0]" becomes "authorIds[0]", "FocalPoint.X" becomes "focalPoint.x".</summary>
    public static string ToJsonPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));
}
