namespace ContentApi.Http;

/// <summary>
/// The Idempotency-Key of the request being handled. The write that the request makes reserves the key in its own
/// transaction (see Db.WriteAsync), so a create and its key commit together: if the process dies before the
/// response is stored, a retry finds the reservation and is told the request was processed, instead of creating
/// a duplicate.
/// </summary>
public sealed class IdempotencyScope(long apiKeyId, string key, string requestHash)
{
    public const string ItemKey = "ContentApi.IdempotencyScope";

    public long ApiKeyId => apiKeyId;
    public string Key => key;
    public string RequestHash => requestHash;
    public bool Reserved { get; set; }
}
