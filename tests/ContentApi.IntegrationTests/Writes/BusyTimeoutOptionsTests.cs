using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>Busy timeouts the SQLite driver cannot honour are refused when the app starts, not silently stretched.</summary>
public sealed class BusyTimeoutOptionsTests
{
    private sealed class SubSecondFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:BusyTimeoutSeconds"] = "0.2" };
    }

    [Fact]
    public void Sub_second_busy_timeout_is_refused_at_startup()
    {
        using var factory = new SubSecondFactory();
        // Hosted by the test factory, the entry point stops at the settings check (see SettingsAtStartTests).
        var exception = Record.Exception(() => SettingsCheck.Validate(factory.Services));
        Assert.NotNull(exception);
        Assert.Contains("BusyTimeoutSeconds", SettingsCheck.Describe(exception) ?? exception.ToString(), StringComparison.Ordinal);
    }
}
