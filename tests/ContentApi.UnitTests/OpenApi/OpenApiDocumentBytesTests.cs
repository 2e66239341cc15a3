using System.Text;
using ContentApi.OpenApi;

namespace ContentApi.UnitTests.OpenApi;

public sealed class OpenApiDocumentBytesTests
{
    /// <summary>A Windows server's writer breaks lines with CRLF: the served bytes, and so their hash, must not follow it.</summary>
    [Fact]
    public void Canonical_layout_does_not_depend_on_the_writer_or_its_platform()
    {
        var written = "{\r\n  \"security\": [\r\n    { },\r\n    {\r\n      \"bearer\": [ ]\r\n    }\r\n  ],\r\n  \"title\": \"通義千問 `q` <b>\"\r\n}"u8;

        var canonical = Encoding.UTF8.GetString(OpenApiDocumentBytes.Canonical(written));

        Assert.Equal("{\n  \"security\": [\n    {},\n    {\n      \"bearer\": []\n    }\n  ],\n  \"title\": \"通義千問 `q` <b>\"\n}\n", canonical);
    }
}
