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
        var exception = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("BusyTimeoutSeconds", exception.ToString(), StringComparison.Ordinal);
    }
}
