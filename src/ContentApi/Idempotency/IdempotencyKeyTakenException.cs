namespace ContentApi.Idempotency;

/// <summary>
/// The request's Idempotency-Key was reserved by another request meanwhile (another instance on the same database):
/// its write is rolled back, and the request is answered from what that one stored.
/// </summary>
public sealed class IdempotencyKeyTakenException(Exception inner) : Exception("The Idempotency-Key was reserved by another request.", inner);
