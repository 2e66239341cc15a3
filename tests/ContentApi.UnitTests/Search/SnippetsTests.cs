using System.Text;
using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

public sealed class SnippetsTests
{
    private static string Highlight(string text, string query) => Snippets.Highlight(text, SearchQuery.Parse(query));

    private static string Build(string text, string query, int maxLength = Snippets.BodyLength) =>
        Snippets.Build(text, SearchQuery.Parse(query), maxLength);

    private static string StripMarkup(string html) =>
        html.Replace("<mark>", "").Replace("</mark>", "").Replace("…", "").Replace("&lt;", "<").Replace("&gt;", ">")
            .Replace("&quot;", "\"").Replace("&#39;", "'").Replace("&amp;", "&");

    [Theory]
    [InlineData("Café <script>", "cafe", "<mark>Café</mark> &lt;script&gt;")]
    [InlineData("通義千問發布", "通义千问", "<mark>通義千問</mark>發布")]
    [InlineData("通义千问发布", "通義千問", "<mark>通义千问</mark>发布")]
    [InlineData("Qwen3-Max launch", "qwen3-max", "<mark>Qwen3-Max</mark> launch")]
    [InlineData("ＱＷＥＮ rocks", "qwen", "<mark>ＱＷＥＮ</mark> rocks")]
    [InlineData("Die Straße hier", "STRASSE", "Die <mark>Straße</mark> hier")]
    [InlineData("आज ज़िंदगी अच्छी है", "जिंदगी", "आज <mark>ज़िंदगी</mark> अच्छी है")]
    [InlineData("Wizyta w Łodzi", "lodzi", "Wizyta w <mark>Łodzi</mark>")]
    [InlineData("a qwen b QWEN", "qwen", "a <mark>qwen</mark> b <mark>QWEN</mark>")]
    [InlineData("通義千問", "通 千", "<mark>通</mark>義<mark>千</mark>問")]
    [InlineData("通義千問", "通義 千問", "<mark>通義千問</mark>")]
    [InlineData("Qwen3-Max, qwen3max", "qwen", "<mark>Qwen</mark>3-Max, <mark>qwen</mark>3max")]
    [InlineData("qwen3max", "qwen3", "<mark>qwen3</mark>max")]
    [InlineData("ＧＰＴ４ｏ 發布", "GPT4o", "<mark>ＧＰＴ４ｏ</mark> 發布")] // written otherwise than folded: the whole word
    [InlineData("GPT4o 發布", "ＧＰＴ４ｏ", "<mark>GPT4o</mark> 發布")]
    public void Highlight_marks_matches_found_with_the_analyzer_folding(string text, string query, string expected) =>
        Assert.Equal(expected, Highlight(text, query));

    [Fact]
    public void Build_cuts_around_the_passage_holding_the_most_query_words_not_the_first_match()
    {
        var text = "模型的名字很有趣。" + string.Concat(Enumerable.Repeat("這一句與查詢無關，只是填充內容。", 20)) + "團隊公布了模型訓練的新方法。";

        var snippet = Build(text, "模型 訓練");

        Assert.Contains("<mark>模型訓練</mark>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("名字", snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("通義千問", "問通")]
    [InlineData("Qwen3 and Max", "\"qwen3 max\"")]
    [InlineData("qwen2 max", "\"qwen3max\"")]
    public void Highlight_marks_nothing_the_index_would_not_match(string text, string query) =>
        Assert.Equal(text, Highlight(text, query));

    [Fact]
    public void Highlight_does_not_mark_excluded_terms() =>
        Assert.Equal("<mark>qwen</mark> max", Highlight("qwen max", "qwen -max"));

    [Fact]
    public void Highlight_escapes_every_html_special_character() =>
        Assert.Equal("&quot;AT&amp;T&quot; &#39;<mark>x</mark>&#39; &lt;/p&gt;", Highlight("\"AT&T\" 'x' </p>", "x"));

    [Fact]
    public void Highlight_markup_in_the_query_never_reaches_the_output()
    {
        var html = Highlight("<b>bold</b> <img src=x onerror=alert(1)>", "<b>bold</b> <img");
        Assert.Equal("&lt;<mark>b&gt;bold&lt;/b</mark>&gt; &lt;<mark>img</mark> src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public void Highlight_keeps_a_combining_sequence_inside_the_mark() =>
        Assert.Equal("<mark>cafe\u0301</mark>!", Highlight("cafe\u0301!", "café"));

    [Fact]
    public void Build_short_text_is_whole_with_whitespace_collapsed() =>
        Assert.Equal("First line <mark>qwen</mark> second", Build("  First line\n\n  qwen\tsecond  ", "qwen"));

    /// <summary>Review: 鸕鶿 was marked across two cells of a table row, "欄一<mark>鸕 鶿</mark>欄二"; their tab shows as a space.</summary>
    [Fact]
    public void Build_marks_no_chinese_word_across_a_tab_between_table_cells()
    {
        Assert.Equal("欄一鸕 鶿欄二", Build("欄一鸕\t鶿欄二", "鸕鶿"));
        Assert.Equal("欄一<mark>鸕</mark> 鶿欄二", Build("欄一鸕\t鶿欄二", "鸕"));
    }

    /// <summary>
    /// Review: a quoted phrase of Latin words matched across two cells of a table row and a line break (a block's end or a
    /// hard break), "Jane <mark>Quill Marlow</mark> Doe"; the words unquoted are each marked.
    /// </summary>
    [Theory]
    [InlineData("Jane Quill\tMarlow Doe", "\"Quill Marlow\"", "Jane Quill Marlow Doe")]
    [InlineData("Line one zbr1\nzbr2", "\"zbr1 zbr2\"", "Line one zbr1 zbr2")]
    [InlineData("Jane Quill\tMarlow Doe", "Quill Marlow", "Jane <mark>Quill</mark> <mark>Marlow</mark> Doe")]
    [InlineData("Jane Quill\tMarlow Doe", "\"Jane Quill\"", "<mark>Jane Quill</mark> Marlow Doe")]
    public void Build_marks_no_phrase_across_a_tab_between_table_cells_or_a_line_break(string text, string query, string expected) =>
        Assert.Equal(expected, Build(text, query));

    /// <summary>
    /// A line wrapped beside full-width punctuation is no space, as the article's HTML and excerpt show it: the snippet
    /// read "製程， GPU" (CJK probe).
    /// </summary>
    [Theory]
    [InlineData("採3奈米製程，\nGPU效能提升。", "GPU", "採3奈米製程，<mark>GPU</mark>效能提升。")]
    [InlineData("市府表示，\n“目前已有三萬戶停電”。", "停電", "市府表示，“目前已有三萬戶<mark>停電</mark>”。")]
    [InlineData("新款 iPhone 15 Pro\n（蘋果）今天開賣。", "蘋果", "新款 iPhone 15 Pro（<mark>蘋果</mark>）今天開賣。")]
    [InlineData("The results came\nback positive.", "back", "The results came <mark>back</mark> positive.")]
    // A paragraph ending in a closing quote, as Chinese quotes end ("…努力。”⏎市场…"), or a name wrapped at its dot (CJK review).
    [InlineData("他说：“我们会继续努力。”\n市场人士认为需求强劲。", "市场", "他说：“我们会继续努力。”<mark>市场</mark>人士认为需求强劲。")]
    [InlineData("物理學家瑪麗・\n居禮", "居禮", "物理學家瑪麗・<mark>居禮</mark>")]
    [InlineData("He said “yes”\nand left.", "left", "He said “yes” and <mark>left</mark>.")]
    [InlineData("He said “yes”\n他同意了。", "同意", "He said “yes” 他<mark>同意</mark>了。")]
    // A full-width space is a character of the text, not a run to collapse: it read "記者 王小明".
    [InlineData("中央社記者\u3000王小明報導", "王小明", "中央社記者\u3000<mark>王小明</mark>報導")]
    [InlineData("記者 \u3000王小明報導", "王小明", "記者\u3000<mark>王小明</mark>報導")]
    public void Build_writes_no_space_beside_full_width_punctuation(string text, string query, string expected) =>
        Assert.Equal(expected, Build(text, query));

    /// <summary>A Chinese run is matched across the brackets inside it; the marks leave the brackets out (review).</summary>
    [Theory]
    [InlineData("台積電「先進製程」發表新品。", "先進製程發表", "台積電「<mark>先進製程</mark>」<mark>發表</mark>新品。")]
    [InlineData("台積電「先進製程」發表新品。", "台積電「先進製程」發表", "<mark>台積電</mark>「<mark>先進製程</mark>」<mark>發表</mark>新品。")]
    [InlineData("收錄於《半導體年鑑》。", "於半", "收錄<mark>於</mark>《<mark>半</mark>導體年鑑》。")]
    public void Build_marks_a_chinese_match_across_brackets_without_the_brackets(string text, string query, string expected) =>
        Assert.Equal(expected, Build(text, query));

    [Fact]
    public void Build_without_a_match_starts_at_the_beginning()
    {
        var text = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i}"));
        var snippet = Build(text, "absent");
        Assert.StartsWith("word0 word1", snippet);
        Assert.EndsWith("…", snippet);
        Assert.DoesNotContain("<mark>", snippet);
    }

    [Fact]
    public void Build_long_text_centres_on_the_first_match_and_cuts_at_word_boundaries()
    {
        var words = Enumerable.Range(0, 200).Select(i => $"word{i}").ToList();
        words[120] = "Qwen3";
        var snippet = Build(string.Join(' ', words), "qwen3");
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("<mark>Qwen3</mark>", snippet);
        Assert.All(StripMarkup(snippet).Split(' '), w => Assert.Contains(w, words));
        Assert.InRange(StripMarkup(snippet).Length, 100, Snippets.BodyLength);
    }

    [Fact]
    public void Build_starts_at_the_sentence_holding_the_match_when_it_is_near()
    {
        var text = string.Concat(Enumerable.Repeat("Filler words go here. ", 20)) + "The Qwen3 model was released. " + string.Concat(Enumerable.Repeat("More text. ", 30));
        Assert.StartsWith("…The <mark>Qwen3</mark> model was released.", Build(text, "qwen3"));
    }

    [Theory]
    [InlineData("यह भरने वाला वाक्य है। ", "नई योजना किसानों को लाभ देगी। ", "योजना", "…नई <mark>योजना</mark>")]
    [InlineData("هل هذه جملة للملء؟ ", "تستهدف الخطة رفع الطاقة المتجددة. ", "الخطة", "…تستهدف <mark>الخطة</mark>")]
    public void Build_starts_at_the_sentence_holding_the_match_in_scripts_with_their_own_stops(string filler, string sentence, string query, string start)
    {
        var text = string.Concat(Enumerable.Repeat(filler, 20)) + sentence + string.Concat(Enumerable.Repeat(filler, 30));
        Assert.StartsWith(start, Build(text, query));
    }

    [Fact]
    public void Build_prefers_ending_after_a_sentence()
    {
        var text = "Qwen3 is here. " + string.Concat(Enumerable.Repeat("Short one. ", 30));
        Assert.EndsWith(".…", Build(text, "qwen3"));
    }

    [Fact]
    public void Build_match_near_the_end_fills_the_snippet_from_an_earlier_sentence()
    {
        var text = string.Concat(Enumerable.Repeat("這是一個很長的句子，用來填充文章的內容。", 20)) + "本文僅代表作者觀點。";
        var snippet = Build(text, "观点");
        Assert.StartsWith("…這是", snippet);
        Assert.EndsWith("<mark>觀點</mark>。", snippet);
        Assert.InRange(StripMarkup(snippet).Length, 120, Snippets.BodyLength);
    }

    [Fact]
    public void Build_chinese_article_gives_about_max_length_characters_around_the_match()
    {
        var text = string.Concat(Enumerable.Repeat("今天天氣很好，我們去公園散步。", 100)) + "阿里巴巴發布通義千問模型。" + string.Concat(Enumerable.Repeat("圖源:ifanr。", 100));
        var snippet = Build(text, "通义千问");
        Assert.Contains("<mark>通義千問</mark>", snippet);
        Assert.StartsWith("…阿里巴巴發布", snippet);
        Assert.InRange(StripMarkup(snippet).Length, 100, Snippets.BodyLength);
    }

    [Fact]
    public void Build_never_cuts_a_surrogate_pair_or_a_combining_sequence()
    {
        var text = string.Concat(Enumerable.Repeat("𠀀e\u0301", 150)) + "千問" + string.Concat(Enumerable.Repeat("e\u0301𠀀", 150));
        for (var maxLength = 1; maxLength <= 200; maxLength++)
        {
            var body = StripMarkup(Build(text, "千問", maxLength));
            Assert.DoesNotContain(body.EnumerateRunes(), r => r == Rune.ReplacementChar);
            Assert.False(body.Length > 0 && body[0] == '\u0301', $"maxLength {maxLength} starts with a combining mark");
        }
    }

    [Fact]
    public void Build_escapes_text_around_the_match()
    {
        var text = string.Concat(Enumerable.Repeat("<script>alert(1)</script> ", 20)) + "qwen";
        var snippet = Build(text, "qwen");
        Assert.DoesNotContain("<script>", snippet);
        Assert.Contains("&lt;script&gt;", snippet);
        Assert.EndsWith("<mark>qwen</mark>", snippet);
    }

    private static readonly string Repetitive = new('模', 250_000);

    /// <summary>Terms of 1 to 16 of the character: each matches at every character of <see cref="Repetitive"/>.</summary>
    private static readonly SearchQuery EveryWhere =
        SearchQuery.Parse(string.Join(' ', Enumerable.Range(1, SearchQuery.MaxTerms).Select(n => new string('模', n))));

    [Fact]
    public void Matches_up_to_an_offset_read_only_the_units_before_it()
    {
        var units = new CountingUnits(TextUnits.Of(Repetitive));

        var spans = Snippets.Matches(units, EveryWhere, fromUnit: 0, until: Snippets.BodyLength);

        Assert.Equal([(0, Snippets.BodyLength - 1 + SearchQuery.MaxTerms)], spans);
        // Each of the 160 positions compares each term's units: 160 × 136 reads, where the whole text would take 250,000 × 136.
        Assert.InRange(units.Reads, 1, 2 * Snippets.BodyLength * Enumerable.Range(1, SearchQuery.MaxTerms).Sum());
    }

    [Fact]
    public void Build_of_a_repetitive_text_collects_only_the_matches_it_shows()
    {
        // Collecting every match took 250,000 × 16 spans (73 MB); the snippet shows 160 characters' worth.
        var tokenizing = Allocated(() => TextUnits.Of(Repetitive));

        string snippet = "";
        var building = Allocated(() => snippet = Snippets.Build(Repetitive, EveryWhere));

        Assert.Equal($"<mark>{new string('模', Snippets.BodyLength)}</mark>…", snippet);
        Assert.InRange(building, 0, 2 * tokenizing);
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>A snippet of Korean, which is spaced as English is, starts and ends between words: it ended inside one (CJK review).</summary>
    [Fact]
    public void Build_cuts_korean_between_words_not_inside_one()
    {
        var sentence = "정부는 오늘 국무회의에서 반도체 산업 지원 방안을 논의했다 ";
        var text = string.Concat(Enumerable.Repeat(sentence, 3)) + "대통령은 반도체 투자를 늘리겠다고 " + string.Concat(Enumerable.Repeat(sentence, 6));
        var snippet = StripMarkup(Build(text, "대통령은"));
        Assert.Contains(" " + snippet.Trim() + " ", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A snippet of Japanese starts and ends where a phrase ends, as an excerpt is cut: it started inside a katakana word
    /// ("ロソフトコーポレーション…") where a particle ended a phrase a few characters on (CJK review).
    /// </summary>
    [Fact]
    public void Build_cuts_japanese_where_a_phrase_ends_not_inside_a_katakana_word()
    {
        var sentence = "米マイクロソフトコーポレーションは新しい人工知能サービスを発表した後で";
        var text = string.Concat(Enumerable.Repeat(sentence, 2)) + "その後も日本の民間企業は協力して新たな計画を政府は"
            + string.Concat(Enumerable.Repeat(sentence, 6));
        var snippet = StripMarkup(Build(text, "政府"));
        var at = text.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(at > 0, snippet);
        Assert.False(IsKatakana(text[at - 1]) && IsKatakana(text[at]), snippet);
        Assert.False(IsKatakana(text[at + snippet.Length - 1]) && IsKatakana(text[at + snippet.Length]), snippet);
    }

    /// <summary>
    /// A snippet starts after punctuation that closes or joins, not before it: one of Japanese started at the equals sign
    /// of a dateline, "…＝山田太郎】" (CJK review).
    /// </summary>
    [Fact]
    public void Build_starts_japanese_after_punctuation_not_before_it()
    {
        var text = "【ワシントン＝山田太郎】米マイクロソフトは３日生成人工知能を活用した業務支援サービスを全世界の社員に展開するの政府は"
            + string.Concat(Enumerable.Repeat("新しい人工知能サービスを発表した後で", 10));
        Assert.StartsWith("…山田太郎】", Build(text, "政府"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Chinese with a stray "の" ("台北の夜市") is cut as Chinese: the one kana made the whole body Japanese, and the
    /// snippet ended right after it, "…台北の…", where Chinese may be cut between any two characters (CJK review).
    /// </summary>
    [Fact]
    public void Build_cuts_chinese_with_a_stray_kana_as_chinese()
    {
        var clause = "觀光署今年推出的夜市美食地圖收錄全台各地";
        var text = "夜市" + clause + clause + clause + clause + clause + clause + "台北の夜市最受歡迎" + string.Concat(Enumerable.Repeat(clause, 6));
        var snippet = StripMarkup(Build(text, "夜市"));
        Assert.Equal(text[..Snippets.BodyLength], snippet);
    }

    /// <summary>
    /// A snippet cut between words leaves out what an excerpt's cut leaves out at its end: a bracket or quote that opens
    /// what it does not show, or a comma (CJK review: "…据报道（…", "…他说「…" opened what the snippet never showed).
    /// </summary>
    [Theory]
    [InlineData("（")]
    [InlineData("「")]
    [InlineData("，")]
    [InlineData("、")]
    [InlineData("：")]
    public void Build_leaves_out_an_opener_or_comma_at_its_cut_end(string separator)
    {
        var lead = "夜市" + new string('字', Snippets.BodyLength - 3);
        var snippet = Build(lead + separator + "新华社" + new string('字', 100), "夜市");
        Assert.Equal("<mark>夜市</mark>" + lead[2..] + "…", snippet);
    }

    /// <summary>
    /// A snippet of Chinese starts after punctuation that closes or joins what came before, as one of Japanese does: it
    /// started "…，据报道…" or "…）表示…" where its start fell just before it (CJK review).
    /// </summary>
    [Theory]
    [InlineData("，")]
    [InlineData("）")]
    [InlineData("」")]
    [InlineData("、")]
    [InlineData("·")]
    public void Build_starts_chinese_after_punctuation_not_before_it(string punctuation)
    {
        var lead = new string('字', 100);
        var text = lead + punctuation + new string('字', Snippets.BodyLength / 3 - 1) + "夜市" + new string('字', 200);
        var earliest = text.IndexOf("夜市", StringComparison.Ordinal) - Snippets.BodyLength / 3;
        Assert.Equal(punctuation, text[earliest].ToString());
        Assert.StartsWith("…字", Build(text, "夜市"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A sentence ends after the quote or bracket that closes it, as an excerpt's does: a snippet started at the closing
    /// quote of a sentence quoted before it, "…」他並指出", and one ending at a quoted sentence left its quote open,
    /// "…「熊本二廠是…支持。…" (CJK probe).
    /// </summary>
    [Fact]
    public void Build_ends_a_sentence_after_its_closing_quote()
    {
        var quoted = "董事長魏哲家在動土典禮上表示：「熊本二廠是台積電在日本布局的重要里程碑，我們感謝日本政府與熊本縣的大力支持。」";
        var next = "他並指出，隨著AI需求持續強勁，先進製程產能供不應求，公司將持續擴大全球布局。";
        var text = "台灣積體電路製造公司今天宣布，位於日本熊本縣菊陽町的第二座晶圓廠正式動工。" + quoted + next + "根據市調機構TrendForce統計，全球晶圓代工產值達到新台幣1.2兆元，其中台積電市占率約為67%。" + new string('字', 200);

        Assert.StartsWith("…他並指出", StripMarkupKeepingEllipsis(Build(text, "供不應求")), StringComparison.Ordinal);
        Assert.EndsWith("大力支持。」…", StripMarkupKeepingEllipsis(Build(text, "菊陽町", maxLength: 100)), StringComparison.Ordinal);
    }

    private static string StripMarkupKeepingEllipsis(string html) => html.Replace("<mark>", "").Replace("</mark>", "");

    private static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FF' and not '\u30FB';

    /// <summary>Units that count how often they are read.</summary>
    private sealed class CountingUnits(List<TextUnit> units) : IReadOnlyList<TextUnit>
    {
        public int Reads { get; private set; }

        public TextUnit this[int index]
        {
            get
            {
                Reads++;
                return units[index];
            }
        }

        public int Count => units.Count;

        public IEnumerator<TextUnit> GetEnumerator() => throw new NotSupportedException("read by index only");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
