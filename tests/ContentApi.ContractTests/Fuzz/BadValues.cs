namespace ContentApi.ContractTests.Fuzz;

/// <summary>Values a careless or hostile client sends, as raw JSON and as query-string text.</summary>
internal static class BadValues
{
    /// <summary>JSON values of every type and edge, written as JSON text (so a lone surrogate can be sent as its escape).</summary>
    public static readonly string[] Json =
    [
        "null", "true", "0", "-1", "1.5", "9007199254740992", "-9223372036854775809", "1e308", "-1e308", "1e-400",
        "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"a\\udc00b\"", "\"\\u202egnp.exe\"", "\"\\u200b\"",
        "\"-1\"", "\"1e3\"", "\"NaN\"", "\"2024-13-45T99:00:00Z\"", "\"javascript:alert(1)\"", "\"../../etc/passwd\"",
        $"\"{new string('長', 100_000)}\"", $"\"{string.Concat(Enumerable.Repeat("e\\u0301", 20_000))}\"",
        $"\"{string.Concat(Enumerable.Repeat("𠮷", 3_000))}\"", "\"A\\u030a\"",
        "[]", "[null]", "[1,\"a\",1]", "[-1]", "[9007199254740993]", $"[{string.Join(',', Enumerable.Range(1, 5_000))}]",
        "{}", "{\"a\":1}", new string('[', 2_000) + new string(']', 2_000),
    ];

    /// <summary>Whole request bodies that are no object of the schema, or no JSON at all.</summary>
    public static readonly string[] Bodies =
    [
        "", " ", "{", "}", "[]", "null", "\"text\"", "42", "{\"title\":", "{\"a\":1,\"a\":2}", "{'title':'x'}", "{\"title\":\"x\"}garbage",
        "\uFEFF{}", new string('{', 5_000), "{\"title\":" + new string('[', 5_000),
    ];

    /// <summary>Query-string values, already percent-encoded where they are sent so.</summary>
    public static readonly string[] Query =
    [
        "", "-1", "0", "1.5", "99999999999999999999", "abc", "%FF", "%C3%28", "%00", "%E2%80%AE", "*", "null", "[]",
        new string('x', 5_000), "2024-13-45", "%2C%2C", "a,b,,c", "-", "%20",
    ];

    /// <summary>Request headers the API reads, each with values a careless client or a proxy sends.</summary>
    public static readonly (string Name, string[] Values)[] Headers =
    [
        ("If-Match", ["", "garbage", "\"", "W/\"1-x\"", "*", "\"99999999999999999999-x\"", "\"-1-x\"", "\"1-x\", *", new string('"', 1_000)]),
        ("If-None-Match", ["", "garbage", "\"", "W/\"1-x\"", "*", "\"99999999999999999999-x\"", "\"1-x\",,\"2-y\""]),
        ("If-Modified-Since", ["", "garbage", "Mon, 32 Dec 2024 25:00:00 GMT", "0", "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT"]),
        ("If-Unmodified-Since", ["", "garbage", "Mon, 32 Dec 2024 25:00:00 GMT", "Mon, 01 Jan 0001 00:00:00 GMT"]),
        ("Idempotency-Key", ["", " ", new string('k', 1_000), "a\tb"]),
        ("Accept", ["application/xml", "*/*;q=abc", "", "text/html;q=0", "application/json;q=0"]),
        ("Accept-Encoding", ["gzip;q=abc", "br, zstd, *;q=2", "identity;q=0"]),
        ("Accept-Language", ["*;q=x", new string('a', 1_000)]),
    ];

    /// <summary>Content types a request body is sent with that are not the ones the operation documents as they are.</summary>
    public static readonly string[] MediaTypes =
    [
        "application/json; charset=utf-16", "application/json; charset=latin1", "application/json; charset=nonsense",
        "application/json;", "APPLICATION/JSON", "multipart/form-data", "application/x-www-form-urlencoded", "garbage", "",
    ];

    /// <summary>Path segments where an id or a slug goes (not %00: the test host cannot send it, and Kestrel refuses it before the app).</summary>
    public static readonly string[] PathSegments =
    [
        "0", "-1", "9007199254740992", "99999999999999999999", "1e3", "abc", "%FF", "%C3%28", "%E2%80%AE", new string('a', 5_000), "1.0", "+1", "01",
    ];
}
