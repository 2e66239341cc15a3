using System.ComponentModel.DataAnnotations;
namespace ContentApi.Http.Limits;

/// <summary>Sizes of requests the API accepts. Bound from the "Limits" section.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>
    /// Largest request body, in bytes (413 above it, also for chunked bodies without a length). Room for an article
    /// body of 500,000 Chinese characters, its limit, whether sent as UTF-8 (3 bytes a character) or as the \uXXXX
    /// escapes many JSON writers use by default (6 bytes; Python's json.dumps among them).
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Longest request target (path and query) as sent, percent-escapes included, in characters (414 above it).</summary>
    [Range(1, LongestUrlAllowed)]
    public int MaxUrlLength { get; set; } = 8 * 1024;

    /// <summary>The largest <see cref="MaxUrlLength"/> allowed.</summary>
    public const int LongestUrlAllowed = 64 * 1024;

    /// <summary>Largest total size of request header names and values, in bytes (431 above it).</summary>
    [Range(1, 64 * 1024)]
    public int MaxHeaderBytes { get; set; } = 16 * 1024;

    /// <summary>Most request header lines (431 above them); Kestrel's own limit, which answers without a body, is set above it.</summary>
    [Range(1, 1000)]
    public int MaxHeaderCount { get; set; } = 100;

    /// <summary>Bodies larger than this, in bytes, are worked on <see cref="ConcurrentLargeBodies"/> at a time (a large article takes ~15 times its size in memory while it is stored).</summary>
    [Range(1, long.MaxValue)]
    public long LargeBodyBytes { get; set; } = 512 * 1024;

    /// <summary>How many large bodies are worked on at once; the others wait.</summary>
    [Range(1, 1024)]
    public int ConcurrentLargeBodies { get; set; } = 2;

    /// <summary>
    /// The slowest a large body, or one sent without a length, may arrive, on average after its first
    /// <see cref="LargeBodyGraceSeconds"/> (408 otherwise): 4 MiB at this rate takes a minute.
    /// </summary>
    [Range(1, long.MaxValue)]
    public double LargeBodyMinBytesPerSecond { get; set; } = 64 * 1024;

    /// <summary>How long a body may arrive at any rate before <see cref="LargeBodyMinBytesPerSecond"/> applies.</summary>
    public const int LargeBodyGraceSeconds = 5;

    /// <summary>How long a large body waits for its turn before the answer is 503 with Retry-After.</summary>
    [Range(1, 3600)]
    public int LargeBodyWaitSeconds { get; set; } = 30;

    /// <summary>
    /// Most bytes of article text a page of the article list or of search holds, counting each article's Markdown body
    /// once for every rendering of it sent, and at least once (<see cref="Articles.ArticleView.BodyCopies"/>): a page
    /// ends early, before the article that would pass it (it always holds one), and its next cursor goes on from there.
    /// A page of 100 articles of 20,000 Chinese characters fits; without it, 40 of the longest bodies with every
    /// rendering made one anonymous response of 181 MB, built in memory.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long ListPageTextBytes { get; set; } = DefaultListPageTextBytes;

    public const long DefaultListPageTextBytes = 8 * 1024 * 1024;

    /// <summary>
    /// How many responses to reads the response cache did not answer are built at once; the others wait. A page of
    /// 100 articles with every embed takes several megabytes while it is built.
    /// </summary>
    [Range(1, 1024)]
    public int ConcurrentReads { get; set; } = 8;

    /// <summary>How long such a read waits for its turn before the answer is 503 with Retry-After.</summary>
    [Range(1, 3600)]
    public int ReadWaitSeconds { get; set; } = 30;
}
