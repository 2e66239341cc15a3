namespace ContentApi.Http.Writes;

/// <summary>Write settings. Bound from the "Writes" section.</summary>
public sealed class WriteOptions
{
    public const string Section = "Writes";

    /// <summary>
    /// When true, PUT, PATCH and DELETE without If-Match get 428 Precondition Required. <c>If-Match: *</c> satisfies
    /// it: the caller says it means to overwrite whatever version is there, as RFC 9110 defines the wildcard.
    /// </summary>
    public bool RequireIfMatch { get; set; }
}
