using System.Security.Cryptography;
using System.Text;

namespace ContentApi.Auth;

/// <summary>
/// Keys are 256 random bits, so a fast SHA-256 is enough to store them safely (no password stretching needed).
/// </summary>
public static class ApiKeyHasher
{
    public const string KeyPrefix = "capi_";

    public static string NewKey() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The part of a key that may be shown to identify it (as GitHub shows token prefixes).</summary>
    public static string DisplayPrefix(string key) => key[..Math.Min(key.Length, KeyPrefix.Length + 6)];

    public static bool LooksLikeKey(string key) => key.Length is > 10 and < 200 && key.StartsWith(KeyPrefix, StringComparison.Ordinal);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
