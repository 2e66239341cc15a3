using System.Text.RegularExpressions;
using ContentApi.Text;

namespace ContentApi;

/// <summary>
/// A setting whose value does not convert to its type, as the configuration binder reports it ("Failed to convert
/// configuration value 'abc' at 'Writes:RequireIfMatch' to type 'System.Boolean'."), said as the other settings'
/// refusals say it: the setting as written, its value, and what it may be.
/// </summary>
internal static partial class UnconvertedSetting
{
    public static bool Reports(InvalidOperationException exception) =>
        exception.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);

    public static string Describe(InvalidOperationException exception) =>
        BinderMessage().Match(exception.Message) is { Success: true } match
            ? $"{match.Groups["path"].Value} is '{ControlEscapes.Escaped(match.Groups["value"].Value)}'; it must be {WhatItMayBe(match.Groups["type"].Value)}."
            : ControlEscapes.Escaped(exception.Message.ReplaceLineEndings(" "));

    private static string WhatItMayBe(string type) => type switch
    {
        "System.Boolean" => "true or false",
        "System.Int32" => $"a whole number from {int.MinValue} to {int.MaxValue}",
        "System.Int64" => $"a whole number from {long.MinValue} to {long.MaxValue}",
        "System.Double" => "a number",
        _ => $"a {type}",
    };

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']*)' to type '(?<type>[^']*)'\.", RegexOptions.Singleline)]
    private static partial Regex BinderMessage();
}
