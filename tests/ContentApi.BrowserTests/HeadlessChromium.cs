using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ContentApi.BrowserTests;

/// <summary>Debian's Chromium, headless, driven by Debian's ChromeDriver (never a downloaded one), with a profile of its own.</summary>
public sealed class HeadlessChromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "contentapi-chromium", Guid.NewGuid().ToString("N"));

    public static bool IsInstalled => File.Exists(BrowserPath) && File.Exists(DriverPath);

    public ChromeDriver Driver { get; }

    public HeadlessChromium()
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        // Without the background-networking flags Chromium keeps calling Google's hosts, which this network refuses.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1280,2000", $"--user-data-dir={_profile}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>What the page wrote to its console at the level of an error (a script's failure, a refused resource).</summary>
    public IReadOnlyList<string> ConsoleErrors() =>
        [.. Driver.Manage().Logs.GetLog(LogType.Browser).Where(entry => entry.Level >= LogLevel.Severe).Select(entry => entry.Message)];

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; the temporary folder is the system's to clear.
        }
    }
}
