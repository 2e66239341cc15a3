namespace ContentApi.BrowserTests;

/// <summary>
/// A test that drives Debian's Chromium through its ChromeDriver. Skipped on a machine without them, so that
/// <c>dotnet test</c> passes with the .NET SDK alone; <c>.ci/run</c> installs both and sets
/// <see cref="RequiredVariable"/>, so that there a missing browser fails the test instead of skipping it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string RequiredVariable = "CONTENTAPI_BROWSER_TESTS";

    public BrowserFactAttribute()
    {
        if (!HeadlessChromium.IsInstalled && Environment.GetEnvironmentVariable(RequiredVariable) != "required")
        {
            Skip = $"needs {HeadlessChromium.BrowserPath} and {HeadlessChromium.DriverPath} (apt-get install chromium chromium-driver)";
        }
    }
}
