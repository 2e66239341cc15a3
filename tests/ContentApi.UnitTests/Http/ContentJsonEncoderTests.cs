using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContentApi.Http.Json;

namespace ContentApi.UnitTests.Http;

public sealed class ContentJsonEncoderTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Characters_beyond_the_BMP_are_written_as_they_are()
    {
        Assert.Equal("\"𠮷野家 😀 𨋢\"", JsonSerializer.Serialize("𠮷野家 😀 𨋢", JsonSetup.Options));
        Assert.Equal("\"😀😀\"", JsonSerializer.Serialize("😀😀", JsonSetup.Options));
    }

    [Fact]
    public void Everything_else_is_escaped_exactly_as_by_the_relaxed_encoder()
    {
        var samples = new[]
        {
            "<a href='x'>&amp;</a> \"quoted\" back\\slash",
            "tab\tnew\nline\r\u0000\u0001\u001f\u007f\u0085\u00a0\u00ad",
            "\u2028\u2029\ufeff\ufffe\uffff 通義千問「模型」，。",
            string.Concat(Enumerable.Range(0, 0x800).Select(c => (char)c)),
        };
        foreach (var sample in samples)
        {
            Assert.Equal(JsonSerializer.Serialize(sample, Relaxed), JsonSerializer.Serialize(sample, JsonSetup.Options));
        }
    }

    [Fact]
    public void Escapes_around_supplementary_characters_are_kept()
    {
        Assert.Equal("\"\\\"😀\\n𠮷\\u0001\"", JsonSerializer.Serialize("\"😀\n𠮷\u0001", JsonSetup.Options));
    }

    [Fact]
    public void Lone_surrogates_become_the_replacement_character_as_with_the_relaxed_encoder()
    {
        // The relaxed encoder writes it escaped ("\uFFFD"), this one as it is: the same string once read. Requests
        // never get lone surrogates in (JsonSetup refuses them), so only text built in code could have one.
        const string Broken = "lone \ud83d high, lone \ude00 low, reversed \ude00\ud83d, 😀\ud83d";
        Assert.Equal("lone \ufffd high, lone \ufffd low, reversed \ufffd\ufffd, 😀\ufffd",
            JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(Broken, JsonSetup.Options)));
        Assert.Equal(JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(Broken, Relaxed)),
            JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(Broken, JsonSetup.Options)));
    }

    [Fact]
    public void Utf8_input_takes_the_same_path()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ContentJsonEncoder.Instance }))
        {
            writer.WriteStringValue(Encoding.UTF8.GetBytes("😀 \"x\" 𠮷<\u0001>"));
        }
        Assert.Equal("\"😀 \\\"x\\\" 𠮷<\\u0001>\"", Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void Any_text_reads_back_unchanged()
    {
        var random = new Random(7);
        char[] pieces = ['a', '"', '\\', '\n', '\u0001', '<', '通', '\u2028', '\ud83d', '\ude00', '\ud842', '\udfb7'];
        for (var i = 0; i < 2_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 24)).Select(_ => pieces[random.Next(pieces.Length)])]);
            var json = JsonSerializer.Serialize(text, JsonSetup.Options);
            var expected = JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(text, Relaxed), Relaxed);
            Assert.Equal(expected, JsonSerializer.Deserialize<string>(json, JsonSetup.Options));
        }
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(100_000, 17)]
    [InlineData(600_000, 1)]
    public void Long_and_escape_dense_text_keeps_its_meaning_and_its_supplementary_characters(int repeats, int emojiEvery)
    {
        // Longer than System.Text.Json's buffers, with escapes everywhere and emoji between them.
        var text = new StringBuilder();
        for (var i = 0; i < repeats; i++)
        {
            text.Append(i % emojiEvery == 0 ? "😀" : "a").Append('\n').Append(i % 3 == 0 ? "\"通\"" : "\\");
        }
        var json = JsonSerializer.Serialize(text.ToString(), JsonSetup.Options);
        Assert.Equal(text.ToString(), JsonSerializer.Deserialize<string>(json));
        Assert.DoesNotContain("\\uD83D", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonSerializer.Serialize(text.ToString().Replace("😀", "", StringComparison.Ordinal), Relaxed),
            JsonSerializer.Serialize(text.ToString().Replace("😀", "", StringComparison.Ordinal), JsonSetup.Options));
    }

    [Fact]
    public void Property_names_dictionary_keys_and_json_nodes_are_written_the_same_way()
    {
        var map = new Dictionary<string, string> { ["𠮷\"key"] = "😀\n值" };
        Assert.Equal("{\"𠮷\\\"key\":\"😀\\n值\"}", JsonSerializer.Serialize(map, JsonSetup.Options));
        var node = new System.Text.Json.Nodes.JsonObject { ["name"] = "𨋢\t😀" };
        Assert.Equal("{\"name\":\"𨋢\\t😀\"}", node.ToJsonString(JsonSetup.Options));
    }

    [Fact]
    public void Invalid_utf8_reads_back_as_the_relaxed_encoder_writes_it()
    {
        byte[][] inputs = [[0xC0, 0xAF, 0x41], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98], [0xF0, 0x9F, 0x98, 0x80, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x80, 0xF0, 0x9F, 0x98, 0x80]];
        foreach (var input in inputs)
        {
            Assert.Equal(Decode(input, JavaScriptEncoder.UnsafeRelaxedJsonEscaping), Decode(input, ContentJsonEncoder.Instance));
        }

        static string? Decode(byte[] utf8, JavaScriptEncoder encoder)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
            {
                writer.WriteStringValue(utf8);
            }
            return JsonSerializer.Deserialize<string>(buffer.ToArray());
        }
    }
}
