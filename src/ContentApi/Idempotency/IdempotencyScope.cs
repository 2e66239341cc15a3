namespace ContentApi.Idempotency;

/// <summary>
/// The Idempotency-Key of the request being handled. The write that the request makes reserves the key in its own
/// transaction (see Db.WriteAsync), so a create and its key commit together: if the process dies before the
/// response is stored, a retry finds the reservation and is told the request was processed, instead of creating
/// a duplicate.
/// </summary>
/// <param name="collectionPath">The path the create was posted to, whose resources are at <c>{path}/{id}</c>.</param>
public sealed class IdempotencyScope(long apiKeyId, string key, string requestHash, string collectionPath)
{
    public const string ItemKey = "ContentApi.IdempotencyScope";

    /// <summary>Where the resource with this id, created by the request, is.</summary>
    public string LocationOf(long id) => $"{collectionPath}/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public long ApiKeyId => apiKeyId;
    public string Key => key;
    public string RequestHash => requestHash;
    public bool Reserved { get; set; }
}
