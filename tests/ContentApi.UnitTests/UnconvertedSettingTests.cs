using ContentApi.Http.Limits;
using ContentApi.Http.Writes;
using Microsoft.Extensions.Configuration;

namespace ContentApi.UnitTests;

/// <summary>
/// A setting whose value does not convert to its type was printed as .NET's message ("Failed to convert configuration
/// value 'abc' at 'Writes:RequireIfMatch' to type 'System.Boolean'."), not as README promises: the setting as written,
/// its value and what it may be (README audit).
/// </summary>
public sealed class UnconvertedSettingTests
{
    [Theory]
    [InlineData("Writes", "RequireIfMatch", "abc", "Writes:RequireIfMatch is 'abc'; it must be true or false.")]
    [InlineData("RateLimiting", "KeyPerSecond", "3.5", "RateLimiting:KeyPerSecond is '3.5'; it must be a whole number from -2147483648 to 2147483647.")]
    [InlineData("RateLimiting", "KeyPerSecond", "x\u202Ey", "RateLimiting:KeyPerSecond is 'x\\u202Ey'; it must be a whole number from -2147483648 to 2147483647.")]
    // A whole number past the type's range was told it "must be a whole number" (review).
    [InlineData("RateLimiting", "KeyPerSecond", "3000000000", "RateLimiting:KeyPerSecond is '3000000000'; it must be a whole number from -2147483648 to 2147483647.")]
    public void A_value_of_the_wrong_type_is_named_with_what_it_may_be(string section, string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"{section}:{key}"] = value }).Build();

        var thrown = Assert.Throws<InvalidOperationException>(() => section == "Writes"
            ? configuration.GetSection(section).Get<WriteOptions>()
            : (object?)configuration.GetSection(section).Get<RateLimitingOptions>());

        Assert.Equal(expected, SettingsCheck.Describe(thrown));
    }
}
