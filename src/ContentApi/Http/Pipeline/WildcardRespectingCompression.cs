using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http.Pipeline;

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
            .Where(c => c.Quality > 0).OrderByDescending(c => c.Quality).FirstOrDefault();
        // identity (no coding) when none is acceptable, or when the client weights identity itself higher.
        if (best.Coding is null || Named("identity", accepted) is { } identity && (identity.Quality ?? 1) > best.Quality)
        {
            return null;
        }
        // Asked again for that coding alone, so the provider (and its options) is the one ASP.NET would have used.
        context.Request.Headers.AcceptEncoding = best.Coding;
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
        var entry = Named(coding, accepted) ?? (coding == "gzip" ? Named("x-gzip", accepted) : null) ?? Named("*", accepted);
        return entry is null ? 0 : entry.Quality ?? 1;
    }

    /// <summary>The header's entry for this coding (x-gzip is gzip, RFC 9110 §8.4.1.3).</summary>
    private static StringWithQualityHeaderValue? Named(string coding, IList<StringWithQualityHeaderValue> accepted) =>
        accepted.FirstOrDefault(a => string.Equals(a.Value.Value, coding, StringComparison.OrdinalIgnoreCase));

    public bool ShouldCompressResponse(HttpContext context) => inner.ShouldCompressResponse(context);

    public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);
}
