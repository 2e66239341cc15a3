using System.Globalization;
using System.Numerics;

namespace ContentApi.Http.Binding;

/// <summary>
/// An integer in a URL, as a route id or a query value: read whatever its size, and written one way (digits only), so
/// that a resource or a page has one URL for caches and links.
/// </summary>
internal static class WrittenInteger
{
    public const string OneWay = "digits only, with no plus sign, spaces or leading zeros.";

    /// <summary>The integer written, however large; null when it is none.</summary>
    public static BigInteger? Read(string written) =>
        BigInteger.TryParse(written, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>How the integer is written: digits, with a minus sign when below zero.</summary>
    public static string Canonical(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
