using System.Security.Cryptography;
using System.Text;
using ContentApi.Http.Json;

namespace ContentApi.Idempotency;

/// <summary>
/// What a stored Idempotency-Key is compared by: a hash of the request. A key stored by an earlier build (within its
/// 24 hours, so across a deploy) holds that build's form of the hash, so a retry matches the current form or any
/// earlier one; a change of the form adds the one it replaces to <see cref="Earlier"/>.
/// </summary>
public static class RequestFingerprint
{
    /// <summary>The route's collection path, the query if any, and the body as canonical JSON.</summary>
    public static string Current(string collectionPath, string query, byte[] body) =>
        Hash(collectionPath + query + "\n", CanonicalJson.Of(body));

    /// <summary>
    /// The forms earlier builds stored, newest first: before 7aa88fa the path as sent (not the route's) with canonical
    /// JSON, and before c826584 the path as sent with the body's bytes. None had the query, which a POST takes none of
    /// (one with a query was refused, storing nothing), so only a retry without one can match them; without one, the
    /// form of 7aa88fa to 9c8eb14 is the current one.
    /// </summary>
    public static IEnumerable<string> Earlier(string pathAsSent, string query, byte[] body)
    {
        if (query.Length > 0)
        {
            yield break;
        }
        yield return Hash(pathAsSent + "\n", CanonicalJson.Of(body));
        yield return Hash(pathAsSent + "\n", body);
    }

    private static string Hash(string head, byte[] body) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(head), .. body]));
}
