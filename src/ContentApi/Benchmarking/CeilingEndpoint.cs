namespace ContentApi.Benchmarking;

/// <summary>
/// The benchmark's ceiling: a bare endpoint in the same server that returns a pre-serialized byte array,
/// so every scenario can be reported as a ratio of what this web server can do at all on this machine.
/// Mapped only when <c>Benchmark:CeilingBytes</c> is set; never part of the public API.
/// </summary>
public static class CeilingEndpoint
{
    public const string Path = "/bench/ceiling";

    public static void MapCeiling(this WebApplication app)
    {
        var size = app.Configuration.GetValue<int?>("Benchmark:CeilingBytes");
        if (size is not > 0)
        {
            return;
        }
        var body = new byte[size.Value];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';
        app.MapGet(Path, (HttpContext context) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        }).ExcludeFromDescription();
    }
}
