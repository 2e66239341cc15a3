namespace ContentApi.Http.Json;

public static class JsonNumbers
{
    /// <summary>2^53 - 1, the largest integer JSON carries exactly to every client (JavaScript's numbers are doubles).</summary>
    public const long MaxSafeInteger = (1L << 53) - 1;
}
