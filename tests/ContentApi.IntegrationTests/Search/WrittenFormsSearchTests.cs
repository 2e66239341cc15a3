using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// A word is found however the writer's tools happened to write it: wrapped across a line, with an invisible
/// zero-width space or byte order mark inside, in its Hong Kong form, with or without the dot between a name's parts,
/// a number with or without its thousands commas (found by a search probe).
/// </summary>
public sealed class WrittenFormsSearchTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<long> ArticleAsync(string body, string language = "zh-Hant") =>
        (await new TestContent(factory.Writer()).ArticleAsync(new() { ["body"] = body, ["language"] = language }))["id"]!.GetValue<long>();

    private async Task<List<long>> FindAsync(string q) => (await factory.Anonymous().SearchAsync(q, "limit=100")).Ids();

    [Fact]
    public async Task A_chinese_word_wrapped_across_a_line_is_found_and_marked_whole()
    {
        var id = await ArticleAsync("第一段落，" + string.Concat(Enumerable.Repeat("內容很長很長，", 40)) + "結束。\n\n蘋果公司正式發\n佈了摺疊手機。");

        var results = await factory.Anonymous().SearchAsync("正式發佈", "limit=100");

        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == id)!;
        Assert.Contains(("body", "…蘋果公司<mark>正式發佈</mark>了摺疊手機。"), hit.Highlights());
    }

    /// <summary>
    /// Past the first 2,000 characters of the body the snippet looked for the word in the Markdown as written, where the
    /// line break split it: the article was found, but its highlight was the start of the body with nothing marked (review).
    /// </summary>
    [Fact]
    public async Task A_chinese_word_wrapped_across_a_line_far_into_the_body_is_marked()
    {
        var intro = string.Concat(Enumerable.Repeat("開場白的段落，沒有要找的詞，" + string.Concat(Enumerable.Repeat("內容很長很長，", 40)) + "結束。\n\n", 10));
        var id = await ArticleAsync(intro + "華為公司正式發\n表了摺疊平板。");

        var results = await factory.Anonymous().SearchAsync("正式發表", "limit=100");

        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == id)!;
        Assert.Contains(("body", "…華為公司<mark>正式發表</mark>了摺疊平板。"), hit.Highlights());
    }

    /// <summary>
    /// A phrase quoted as phones and Chinese input methods type quotes, “…”, is a phrase: it was its words anywhere, and
    /// excluding it excluded each article holding its first word (review).
    /// </summary>
    [Fact]
    public async Task A_phrase_in_typographic_quotes_is_found_and_excluded_as_a_phrase()
    {
        var phrase = await ArticleAsync("Qxvela Morintha shipped today.", "en");
        var apart = await ArticleAsync("Morintha met Qxvela later.", "en");

        var found = await FindAsync("“Qxvela Morintha”");
        Assert.Contains(phrase, found);
        Assert.DoesNotContain(apart, found);
        var rest = await FindAsync("Morintha -“Qxvela Morintha”");
        Assert.Contains(apart, rest);
        Assert.DoesNotContain(phrase, rest);
    }

    /// <summary>
    /// A number written with the full-width comma Chinese and Japanese input methods type between its digit groups is the
    /// number, as one with an ASCII thousands comma is: ８，５００億 was the words 8 and 500億, found by 500億 but not by 8500億
    /// (content review).
    /// </summary>
    [Fact]
    public async Task A_number_with_full_width_thousands_commas_is_found_by_the_number_and_marked_whole()
    {
        var fullWidth = await ArticleAsync("政府編列７，３５９億元特別預算。");
        var mixed = await ArticleAsync("中央财政安排资金4，826亿元用于补贴。", "zh-Hans");

        foreach (var q in new[] { "7359億", "7,359億", "７３５９億", "７，３５９億" })
        {
            Assert.Contains(fullWidth, await FindAsync(q));
        }
        Assert.DoesNotContain(fullWidth, await FindAsync("359億"));
        foreach (var q in new[] { "4826亿", "4,826亿", "4，826亿" })
        {
            Assert.Contains(mixed, await FindAsync(q));
        }
        var results = await factory.Anonymous().SearchAsync("７，３５９億", "limit=100");
        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == fullWidth)!;
        Assert.Contains(("body", "政府編列<mark>７，３５９億</mark>元特別預算。"), hit.Highlights());
    }

    /// <summary>
    /// A body written on Windows, which import keeps with its CRLF line ends, gives the snippet its LF form gives: split
    /// only at "\n\n", it was one block, and the heading and paragraphs around the match ran into the snippet (content review).
    /// </summary>
    [Fact]
    public async Task A_body_with_crlf_line_ends_gives_the_snippet_of_its_lf_form()
    {
        var id = await ArticleAsync("第一段落講述颱風動態。\r\n\r\n## 小標題\r\n\r\n第二段落提到魁颯颱風路徑。\r\n\r\n第三段落是結語。");

        var results = await factory.Anonymous().SearchAsync("魁颯", "limit=100");

        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == id)!;
        Assert.Contains(("body", "…第二段落提到<mark>魁颯</mark>颱風路徑。…"), hit.Highlights());
    }

    [Fact]
    public async Task A_line_break_between_latin_words_still_separates_them()
    {
        var id = await ArticleAsync("The results came\nback positive.", "en");

        Assert.Contains(id, await FindAsync("came back"));
        Assert.DoesNotContain(id, await FindAsync("cameback"));
    }

    /// <summary>A model's name alone finds it with its version, as an editor types it: "Qwen" found nothing in "Qwen3-Max" (review).</summary>
    [Fact]
    public async Task A_name_written_with_its_version_is_found_by_the_name_alone_and_by_the_whole()
    {
        const string marker = "Zorvexa"; // letters only, and in no other article of this class
        var id = await ArticleAsync($"阿里巴巴發布 {marker}3-Max，在 SWE-Bench 上領先。");

        var results = await factory.Anonymous().SearchAsync(marker, "limit=100");

        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == id)!;
        Assert.Contains(("body", $"阿里巴巴發布 <mark>{marker}</mark>3-Max，在 SWE-Bench 上領先。"), hit.Highlights());
        Assert.Contains(id, await FindAsync($"{marker}3-Max"));
        Assert.Contains(id, await FindAsync($"{marker}3"));
        Assert.DoesNotContain(id, await FindAsync($"{marker}4"));
    }

    /// <summary>
    /// A name and its version number are found as readers type them, joined or apart, whichever the article wrote:
    /// "gpt5" found nothing in an article about GPT-5, "iphone15" nothing about the iPhone 15 (CJK probe), while
    /// "GPT 5" found "GPT5". A run's start finds it as it finds the word joined ("GPT4" finds "GPT4o" and "GPT-4o").
    /// </summary>
    [Fact]
    public async Task A_name_and_its_version_are_found_joined_or_apart()
    {
        var apart = await ArticleAsync("OpenAI 發布 Vorlix-5 與 Vorlix-4o，蘋果的 Qandro 15 Pro 也開賣了。");
        var joined = await ArticleAsync("網友熱議 Vorlix5 和 Qandro15 Pro 的價格。");

        foreach (var q in new[] { "vorlix5", "Vorlix-5", "\"Vorlix 5\"", "qandro15", "\"Qandro 15\"" })
        {
            Assert.Equal([apart, joined], (await FindAsync(q)).Order());
        }
        Assert.Equal([apart], await FindAsync("vorlix4o"));
        Assert.Equal([apart], await FindAsync("vorlix4"));
        Assert.Empty(await FindAsync("vorlix6"));
        var hit = Assert.Single((await factory.Anonymous().SearchAsync("vorlix5 qandro15", "limit=100"))["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == apart)!;
        Assert.Contains(("body", "OpenAI 發布 <mark>Vorlix-5</mark> 與 Vorlix-4o，蘋果的 <mark>Qandro 15</mark> Pro 也開賣了。"), hit.Highlights());
    }

    /// <summary>
    /// A version of several parts is found after its name joined or apart, as readers type them: "Llama3.1" found
    /// nothing written "Llama 3.1", "Llama 3.1" quoted nothing written "Llama3.1", nor "Qwen2.5-Max" "Qwen 2.5-Max" (review).
    /// </summary>
    [Fact]
    public async Task A_name_and_a_version_of_several_parts_are_found_joined_or_apart()
    {
        var joined = await ArticleAsync("網友熱議 Dravik3.1 和 Quorra2.5-Max 的價格。");
        var apart = await ArticleAsync("Meta 發布 Dravik 3.1，阿里巴巴發布 Quorra 2.5-Max。");

        foreach (var q in new[] { "Dravik3.1", "\"Dravik 3.1\"", "Dravik-3.1", "Quorra2.5-Max", "\"Quorra 2.5-Max\"" })
        {
            Assert.Equal([joined, apart], (await FindAsync(q)).Order());
        }
        Assert.Empty(await FindAsync("Dravik3.2"));
        Assert.Empty(await FindAsync("Quorra2.5-Pro"));
        var hit = Assert.Single((await factory.Anonymous().SearchAsync("Dravik3.1 Quorra2.5-Max", "limit=100"))["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == apart)!;
        Assert.Contains(("body", "Meta 發布 <mark>Dravik 3.1</mark>，阿里巴巴發布 <mark>Quorra 2.5-Max</mark>。"), hit.Highlights());
    }

    /// <summary>
    /// צה״ל is found as it is usually typed, צהל, and with an ASCII quote for its gershayim; ירפה, a word of its own,
    /// does not find ג׳ירפה (editor probe: the gershayim and geresh split the word there).
    /// </summary>
    [Fact]
    public async Task A_hebrew_word_is_found_with_or_without_its_gershayim_and_not_by_what_follows_a_geresh()
    {
        var id = await ArticleAsync("דובר צה״ל מסר כי ג׳ירפה נראתה בגן החיות.", "he");

        foreach (var q in new[] { "צה״ל", "צה\"ל", "צהל", "ג'ירפה", "גירפה" })
        {
            Assert.Contains(id, await FindAsync(q));
        }
        Assert.DoesNotContain(id, await FindAsync("ירפה"));
        var hit = Assert.Single((await factory.Anonymous().SearchAsync("צהל", "limit=100"))["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == id)!;
        Assert.Contains(("body", "דובר <mark>צה״ל</mark> מסר כי ג׳ירפה נראתה בגן החיות."), hit.Highlights());
    }

    /// <summary>
    /// An Arabic word is found with or without the article joined to it (editor probe: شمسية missed الشمسية, قاهرة
    /// missed القاهرة, and الطاقة missed للطاقة); a short word that only begins like it is left whole.
    /// </summary>
    [Fact]
    public async Task An_arabic_word_is_found_with_or_without_its_joined_article()
    {
        var id = await ArticleAsync("افتتاح محطة للطاقة الشمسية في القاهرة بالتعاون مع البنك والوزارة.", "ar");

        foreach (var q in new[] { "شمسية", "الشمسية", "قاهرة", "بالقاهرة", "الطاقة", "طاقة", "بنك", "وزارة", "المحطة" })
        {
            Assert.Contains(id, await FindAsync(q));
        }
        var hit = Assert.Single((await factory.Anonymous().SearchAsync("قاهرة", "limit=100"))["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == id)!;
        Assert.Contains(("body", "افتتاح محطة للطاقة الشمسية في <mark>القاهرة</mark> بالتعاون مع البنك والوزارة."), hit.Highlights());
    }

    /// <summary>Hindi writes a nasal before a consonant with a virama or as the anusvara: each spelling finds the other (multilingual probe).</summary>
    [Theory]
    [InlineData("हिन्दी में चन्द्रयान का सम्बन्ध", "हिंदी")]
    [InlineData("हिंदी में चंद्रयान का संबंध", "सम्बन्ध")]
    public async Task A_hindi_word_is_found_with_its_nasal_written_either_way(string body, string q)
    {
        var id = await ArticleAsync(body, "hi");

        Assert.Contains(id, await FindAsync(q));
    }

    [Theory]
    [InlineData("華為正式發\u200b佈新機", "發佈新機")]
    [InlineData("小米今日發\ufeff表新品", "發表新品")]
    [InlineData("the zw\u200bneedle found", "zwneedle")]
    [InlineData("the bo\ufeffmneedle found", "bomneedle")]
    public async Task Invisible_characters_inside_a_word_do_not_split_it(string body, string q)
    {
        var id = await ArticleAsync(body);

        Assert.Contains(id, await FindAsync(q));
    }

    [Theory]
    [InlineData("衞生署發出警告。", "衛生署")]
    [InlineData("衞生署發出警告。", "卫生署")]
    [InlineData("他衹說了一句話。", "只說了")]
    public async Task Hong_Kong_forms_are_found_by_the_standard_and_simplified_ones(string body, string q)
    {
        var id = await ArticleAsync(body, "zh-Hant-HK");

        Assert.Contains(id, await FindAsync(q));
    }

    [Fact]
    public async Task A_name_is_found_with_or_without_the_dot_between_its_parts()
    {
        var dotted = await ArticleAsync("伊隆·馬斯克今天發表談話。ドナルド・トランプ氏も。");
        var undotted = await ArticleAsync("伊隆马斯克今天发表谈话。");

        foreach (var q in new[] { "伊隆马斯克", "伊隆·馬斯克", "伊隆‧馬斯克" })
        {
            var found = await FindAsync(q);
            Assert.Contains(dotted, found);
            Assert.Contains(undotted, found);
        }
        Assert.Contains(dotted, await FindAsync("ドナルドトランプ"));
    }

    [Fact]
    public async Task A_name_is_found_with_or_without_the_space_between_its_parts_and_marked_whole()
    {
        var spaced = await ArticleAsync("記者佐藤 花子が東京から伝える。", "ja");
        var fullWidth = await ArticleAsync("記者佐藤　花子が東京から伝える。", "ja");
        var unspaced = await ArticleAsync("記者佐藤花子が大阪から伝える。", "ja");

        foreach (var q in new[] { "佐藤花子", "\"佐藤 花子\"", "佐藤 花子" })
        {
            var found = await FindAsync(q);
            Assert.Contains(spaced, found);
            Assert.Contains(fullWidth, found);
            Assert.Contains(unspaced, found);
        }
        var hit = Assert.Single((await factory.Anonymous().SearchAsync("佐藤花子", "limit=100"))["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == spaced)!;
        Assert.Contains(("body", "記者<mark>佐藤 花子</mark>が東京から伝える。"), hit.Highlights());
    }

    [Fact]
    public async Task Korean_is_found_whether_its_words_are_spaced_or_not_but_not_across_lines()
    {
        var spaced = await ArticleAsync("서울 대학교 연구팀이 발표했다.\n\n새 문단", "ko");

        Assert.Contains(spaced, await FindAsync("서울대학교"));
        Assert.DoesNotContain(spaced, await FindAsync("발표했다새"));
    }

    [Theory]
    [InlineData("รถไฟฟ้า")]
    [InlineData("กรุงเทพ")]
    [InlineData("รถไฟฟ้าสายสีชมพู")]
    public async Task A_thai_word_is_found_inside_its_unspaced_run_and_marked_whole(string q)
    {
        var id = await ArticleAsync("กรุงเทพมหานครเปิดให้บริการรถไฟฟ้าสายสีชมพูอย่างเป็นทางการแล้ววันนี้ ผู้โดยสารจำนวนมาก", "th");

        var results = await factory.Anonymous().SearchAsync(q, "limit=100");

        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == id)!;
        Assert.Contains(hit.Highlights(), h => h.Field == "body" && h.Snippet.Contains("<mark>" + q + "</mark>", StringComparison.Ordinal));
        Assert.DoesNotContain(id, await FindAsync("ไฟรถ"));
    }

    [Theory]
    [InlineData("1,000")]
    [InlineData("1000")]
    public async Task A_number_is_found_with_or_without_its_thousands_commas_and_not_as_its_groups(string q)
    {
        var layoffs = await ArticleAsync("公司宣布裁員1,000人。");
        var ranking = await ArticleAsync("他拿下第1名，編號000號。");

        var found = await FindAsync(q);

        Assert.Contains(layoffs, found);
        Assert.DoesNotContain(ranking, found);
    }

    [Theory]
    [InlineData("C#")]
    [InlineData(".NET")]
    [InlineData("Ｃ＃")] // full width, as CJK input methods type it
    public async Task A_name_told_apart_by_its_symbol_finds_that_name_and_not_the_letter_or_word(string q)
    {
        var dotnet = await ArticleAsync("C# 14 and .NET 10 were released today.", "en");
        var vitamin = await ArticleAsync("Vitamin C in your diet: the net result.", "en");

        var found = await FindAsync(q);

        Assert.Contains(dotnet, found);
        Assert.DoesNotContain(vitamin, found);
    }
}
