using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http;

/// <summary>
/// Chooses a response's coding as RFC 9110 §12.5.3 reads <c>Accept-Encoding</c>: <c>*</c> stands for the codings the
/// header does not name, so <c>br;q=0, *</c> refuses br and takes gzip. ASP.NET's provider let the wildcard take in
/// br again, sending a coding the client had refused by name.
/// </summary>
public sealed class WildcardRespectingCompression(ResponseCompressionProvider inner) : IResponseCompressionProvider
{
    /// <summary>The codings the app offers (ASP.NET's default providers), in its order of preference.</summary>
    private static readonly string[] Offered = ["br", "gzip"];

    public ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        var header = context.Request.Headers.AcceptEncoding;
        if (!header.Any(value => value?.Contains('*', StringComparison.Ordinal) == true) ||
            !StringWithQualityHeaderValue.TryParseList(header, out var accepted))
        {
            return inner.GetCompressionProvider(context);
        }
        var best = Offered.Select(coding => (Coding: coding, Quality: QualityOf(coding, accepted)))
            .Where(c => c.Quality > 0).OrderByDescending(c => c.Quality).Select(c => c.Coding).FirstOrDefault();
        if (best is null)
        {
            return null;
        }
        // Asked again for that coding alone, so the provider (and its options) is the one ASP.NET would have used.
        context.Request.Headers.AcceptEncoding = best;
        try
        {
            return inner.GetCompressionProvider(context);
        }
        finally
        {
            context.Request.Headers.AcceptEncoding = header;
        }
    }

    /// <summary>The quality the header gives a coding: its own entry's, else the wildcard's, else none.</summary>
    private static double QualityOf(string coding, IList<StringWithQualityHeaderValue> accepted)
    {
        var named = accepted.FirstOrDefault(a => string.Equals(a.Value.Value, coding, StringComparison.OrdinalIgnoreCase));
        var entry = named ?? accepted.FirstOrDefault(a => a.Value.Value == "*");
        return entry is null ? 0 : entry.Quality ?? 1;
    }

    public bool ShouldCompressResponse(HttpContext context) => inner.ShouldCompressResponse(context);

    public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);
}
