using System.Net;
using System.Xml.Linq;
using ContentApi.TestSupport;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// The app protects nothing with ASP.NET Data Protection (callers send API keys; there are no cookies), yet at every
/// start it made a key ring: on a machine or container without one it wrote an unencrypted key to
/// <c>~/.aspnet/DataProtection-Keys</c> and logged "No XML encryptor configured" as a warning, so each new container
/// began with a warning, and a read-only root file system with a failed write.
/// </summary>
public sealed class DataProtectionKeyTests : IDisposable
{
    private sealed class RecordingRepository : IXmlRepository
    {
        public List<string> Stored { get; } = [];

        public IReadOnlyCollection<XElement> GetAllElements() => [];

        public void StoreElement(XElement element, string friendlyName) => Stored.Add(friendlyName);
    }

    private sealed class KeyRecordingFactory : ApiFactory
    {
        public RecordingRepository Keys { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.Configure<KeyManagementOptions>(options => options.XmlRepository = Keys));
        }
    }

    private readonly KeyRecordingFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Serving_anonymous_and_keyed_requests_creates_no_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await _factory.Anonymous().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Reader().GetAsync("/api/v1/articles")).StatusCode);

        Assert.Empty(_factory.Keys.Stored);
    }
}
