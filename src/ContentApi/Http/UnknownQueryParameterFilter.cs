using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace ContentApi.Http;

/// <summary>
/// Rejects query parameters an endpoint does not declare (400 listing the allowed ones), so a typo such
/// as <c>?autor=3</c> is never silently ignored.
/// </summary>
public static class UnknownQueryParameterFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var allowed = AllowedNames(context.MethodInfo);
        var allowedText = allowed.Count == 0 ? "none" : string.Join(", ", allowed.Order(StringComparer.Ordinal));
        return async invocation =>
        {
            var unknown = invocation.HttpContext.Request.Query.Keys.Where(k => !allowed.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                return Problems.Validation(unknown.ToDictionary(k => k, _ => new[] { $"Unknown query parameter. Allowed: {allowedText}." }));
            }
            return await next(invocation);
        };
    }

    private static HashSet<string> AllowedNames(MethodInfo method)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties())
                {
                    names.Add(property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name));
                }
            }
            else if (parameter.GetCustomAttribute<FromQueryAttribute>() is { } fromQuery)
            {
                names.Add(fromQuery.Name ?? parameter.Name!);
            }
        }
        return names;
    }
}
