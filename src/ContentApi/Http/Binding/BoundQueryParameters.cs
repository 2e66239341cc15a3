using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace ContentApi.Http.Binding;

/// <summary>
/// The query parameters an <c>[AsParameters]</c> type binds, as ASP.NET Core binds them: the parameters of its public
/// constructor (a positional record's), else its publicly settable properties. A computed member
/// (<c>View =&gt; ...</c>) is not one, though reflection lists it among the properties.
/// </summary>
public static class BoundQueryParameters
{
    /// <summary>What a handler binds from the query string: its <c>[AsParameters]</c> types' parameters and its <c>[FromQuery]</c> ones.</summary>
    public static IEnumerable<(string Name, Type Type)> OfHandler(MethodInfo handler) => handler.GetParameters().SelectMany(parameter =>
        parameter.GetCustomAttribute<AsParametersAttribute>() is not null
            ? Of(parameter.ParameterType)
            : parameter.GetCustomAttribute<FromQueryAttribute>() is { } fromQuery
                ? [(fromQuery.Name ?? parameter.Name!, parameter.ParameterType)]
                : []);

    /// <summary>Each parameter's query name (its <c>[FromQuery]</c> name, else its name in camelCase) and type.</summary>
    public static IEnumerable<(string Name, Type Type)> Of(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        if (type.GetConstructors() is [var constructor] && constructor.GetParameters() is { Length: > 0 } parameters)
        {
            // [FromQuery] may sit on the constructor parameter or, with "property:", on the property.
            return parameters.Select(p =>
                (QueryName(p.Name!, p.GetCustomAttribute<FromQueryAttribute>() ?? PropertyNamed(p.Name!)?.GetCustomAttribute<FromQueryAttribute>()), p.ParameterType));
        }
        return properties.Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => (QueryName(p.Name, p.GetCustomAttribute<FromQueryAttribute>()), p.PropertyType));

        PropertyInfo? PropertyNamed(string name) => properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private static string QueryName(string member, FromQueryAttribute? fromQuery) => fromQuery?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(member);
}
