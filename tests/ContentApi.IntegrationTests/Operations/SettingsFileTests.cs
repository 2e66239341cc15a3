using System.Reflection;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// README says every setting is in appsettings.json with its default; Observability:MetricsHostNames was not, so an
/// operator reading the file to learn the settings could not find it (README audit).
/// </summary>
public sealed class SettingsFileTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>Settings left out of the file on purpose, each named in README with its default.</summary>
    private static readonly HashSet<string> LeftOut = new(StringComparer.OrdinalIgnoreCase)
    {
        // Unset means the built-in private networks; written as a list, an override of one entry by an environment
        // variable (Observability__MetricsAllowedNetworks__0) would keep the rest of the file's list.
        "Observability:MetricsAllowedNetworks",
    };

    [Fact]
    public void Every_setting_of_every_section_is_in_appsettings_json()
    {
        var contentRoot = factory.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(contentRoot, "appsettings.json")))!.AsObject();

        var missing = factory.Services.GetServices<SettingsSections.Shape>()
            .SelectMany(shape => shape.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.SetMethod?.IsPublic == true)
                .Select(property => (shape.Section, Setting: property.Name)))
            .Where(s => !LeftOut.Contains($"{s.Section}:{s.Setting}"))
            .Where(s => !HasKey(file, s.Section, s.Setting))
            .Select(s => $"{s.Section}:{s.Setting}")
            .ToList();

        Assert.True(missing.Count == 0, "not in appsettings.json: " + string.Join(", ", missing));
    }

    private static bool HasKey(JsonObject file, string section, string setting) =>
        file.FirstOrDefault(p => string.Equals(p.Key, section, StringComparison.OrdinalIgnoreCase)).Value is JsonObject values
        && values.Any(p => string.Equals(p.Key, setting, StringComparison.OrdinalIgnoreCase));
}
