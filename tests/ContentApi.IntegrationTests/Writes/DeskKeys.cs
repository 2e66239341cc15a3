using System.Net.Http.Headers;
using ContentApi.Auth;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>Write keys named after an editorial desk, for tests of what a write records of who made it.</summary>
internal static class DeskKeys
{
    /// <summary>A client holding a new write key named after <paramref name="desk"/>, and that name.</summary>
    public static async Task<(HttpClient Client, string Name)> DeskKeyAsync(this ApiFactory factory, string desk)
    {
        var name = $"desk-{desk}-{Guid.NewGuid():N}"[..24];
        var key = await factory.Services.GetRequiredService<ApiKeyStore>().CreateAsync(name, ApiKeyScope.Write, CancellationToken.None);
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (client, name);
    }
}
