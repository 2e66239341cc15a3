using System.Reflection;
using Microsoft.Extensions.Options;

namespace ContentApi;

/// <summary>
/// The settings sections bound to options classes, each added with <see cref="AddSettings{TOptions}"/>. A key a section
/// does not have stops the app in one line naming it: a misnamed setting (<c>Database:ConnectionString</c>, written
/// for <c>ConnectionStrings:Content</c>) was ignored without a word, and the app served another database.
/// </summary>
public static class SettingsSections
{
    public sealed record Shape(string Section, Type Options);

    public static OptionsBuilder<TOptions> AddSettings<TOptions>(this IServiceCollection services, string section) where TOptions : class
    {
        services.AddSingleton(new Shape(section, typeof(TOptions)));
        services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidation<TOptions>(section));
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>The first key, in a section of <paramref name="shapes"/>, that names no setting; null when all do.</summary>
    public static string? UnknownKey(IConfiguration configuration, IEnumerable<Shape> shapes)
    {
        foreach (var shape in shapes)
        {
            var settings = shape.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.SetMethod?.IsPublic == true)
                .Select(property => property.Name)
                .ToList();
            foreach (var child in configuration.GetSection(shape.Section).GetChildren())
            {
                if (!settings.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                {
                    return $"{shape.Section}:{child.Key} is not a setting; {shape.Section} has {string.Join(", ", settings)}.";
                }
            }
        }
        return null;
    }
}
