using ContentApi.Text;
using ContentApi.UnitTests.Rendering;

namespace ContentApi.UnitTests.Text;

public sealed class ExcerptsTests
{
    private const int Max = ArticleText.ExcerptMaxLength;

    /// <summary>Characters as the excerpt counts them (conjuncts whole, unlike .NET's StringInfo).</summary>
    private static int Length(string text) => Graphemes.Split(text).Count;

    private static string Han(int count) => new('字', count);

    [Fact]
    public void Derive_short_text_is_returned_whole_without_ellipsis() =>
        Assert.Equal("短文。", Excerpts.Derive("短文。", Max));

    [Fact]
    public void Derive_text_of_exactly_max_length_is_not_cut()
    {
        var text = Han(Max);
        Assert.Equal(text, Excerpts.Derive(text, Max));
    }

    [Theory]
    [InlineData("。")]
    [InlineData("！")]
    [InlineData("？")]
    [InlineData("｡")]
    [InlineData("．")]
    [InlineData("‼")]
    [InlineData("⁇")]
    [InlineData("⁈")]
    [InlineData("⁉")]
    public void Derive_cuts_after_the_last_cjk_sentence_end_in_range(string end)
    {
        var text = Han(120) + end + Han(50) + "，" + Han(100);
        Assert.Equal(Han(120) + end, Excerpts.Derive(text, Max));
    }

    [Fact]
    public void Derive_keeps_a_guillemet_that_closes_the_sentence() =>
        Assert.Equal(Han(120) + "«字。»", Excerpts.Derive(Han(120) + "«字。»" + Han(100), Max));

    [Fact]
    public void Derive_cuts_after_an_arabic_semicolon_when_no_sentence_ends_in_range() =>
        Assert.Equal(Han(120) + "؛…", Excerpts.Derive(Han(120) + "؛" + Han(100), Max));

    /// <summary>
    /// Hangul is spaced as English is: a long Korean sentence with no stop in reach was cut between two syllables of a
    /// word ("…국무회…"), as if Korean ran on like Chinese (CJK review).
    /// </summary>
    [Fact]
    public void Derive_cuts_korean_between_words_not_inside_one()
    {
        var text = string.Concat(Enumerable.Repeat("대한민국 정부는 오늘 국무회의에서 반도체 산업 지원 방안을 ", 12)) + "발표했다.";
        var excerpt = Excerpts.Derive(text, Max);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.StartsWith(excerpt[..^1] + " ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_drops_an_arabic_comma_at_a_word_cut()
    {
        var words = string.Concat(Enumerable.Repeat("كلمة، ", 60));
        var excerpt = Excerpts.Derive(words, Max);
        Assert.EndsWith("كلمة…", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_reads_a_noncharacter_after_a_full_width_stop_without_failing() =>
        // U+FFFE passes the body's rules, and .NET's normalization throws on it.
        Assert.Equal(Han(150) + "３．", Excerpts.Derive(Han(150) + "３．\uFFFE" + Han(100), Max));

    [Theory]
    [InlineData("هل ستنجح الخطة الجديدة للطاقة في المملكة خلال السنوات القادمة؟ ")] // Arabic question mark
    [InlineData("یہ منصوبہ آنے والے برسوں میں کسانوں کے لیے فائدہ مند ہوگا۔ ")] // Arabic full stop (Urdu)
    [InlineData("क्या यह योजना किसानों को लाभ देगी। ")] // danda
    [InlineData("धर्मक्षेत्रे कुरुक्षेत्रे समवेता युयुत्सवः॥ ")] // double danda
    [InlineData("Հայաստանի կառավարությունը նոր ծրագիր է ընդունել։ ")] // Armenian full stop
    [InlineData("ይህ አዲስ እቅድ ለገበሬዎች ብዙ ጥቅም ያስገኛል። ")] // Ethiopic full stop
    [InlineData("ይህ አዲስ እቅድ ለገበሬዎች ብዙ ጥቅም ያስገኛል፧ ")] // Ethiopic question mark
    [InlineData("ဒီအစီအစဉ်ဟာ လယ်သမားတွေအတွက် အကျိုးရှိပါတယ်။ ")] // Myanmar section
    [InlineData("គម្រោងថ្មីនេះនឹងជួយកសិករនៅក្នុងប្រទេស។ ")] // Khmer khan
    [InlineData("בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָרֶץ׃ ")] // Hebrew sof pasuq
    public void Derive_cuts_after_the_last_sentence_end_of_other_scripts(string sentence)
    {
        var lead = string.Concat(Enumerable.Repeat(sentence, 1 + Max / 2 / Length(sentence)));
        var clause = sentence.TrimEnd()[..^1] + " "; // the same words without their sentence end
        var excerpt = Excerpts.Derive(lead + string.Concat(Enumerable.Repeat(clause, 12)), Max);
        Assert.Equal(lead.TrimEnd(), excerpt);
    }

    [Fact]
    public void Derive_does_not_treat_a_sof_pasuq_followed_by_a_letter_as_a_sentence_end()
    {
        // As an ASCII full stop, the sof pasuq ends a sentence only before a space or the end of the text.
        var text = string.Concat(Enumerable.Repeat("מילה ", 30)) + "א׃ב" + string.Concat(Enumerable.Repeat(" מילה", 30));
        Assert.EndsWith("מילה" + Excerpts.Ellipsis, Excerpts.Derive(text, Max), StringComparison.Ordinal);
    }

    [Theory]
    // Inside a full-width number, version or address, the full-width full stop ends nothing.
    [InlineData("３．５")]
    [InlineData("Ｑｗｅｎ２．５")]
    [InlineData("ｉｆａｎｒ．ｃｏｍ")]
    [InlineData("ifanr．com")]
    public void Derive_does_not_treat_a_fullwidth_stop_inside_a_word_as_a_sentence_end(string word)
    {
        var text = Han(150) + word + Han(100);
        Assert.DoesNotContain(word[..(word.IndexOf('．') + 1)] + "…", Excerpts.Derive(text, Max), StringComparison.Ordinal);
    }

    [Theory]
    // A lead of one long clause, then a number whose group separator falls where the cut would: "…新台幣３…" read NT$3 for NT$300 billion.
    [InlineData("本屆內閣預算達新台幣３，０００億元", "３")]
    [InlineData("安排资金4，600亿元用于", "4")]
    [InlineData("総額１，２００億円を計上", "１")]
    [InlineData("總額達3,000億元", "3")]
    [InlineData("總額達３、０００億元", "３")]
    [InlineData("總額達３､０００億元", "３")]
    [InlineData("成長率達３．５個百分點", "３")]
    [InlineData("成長率達3.5個百分點", "3")]
    public void Derive_never_cuts_a_number_at_its_separator(string number, string stub)
    {
        var separatorAt = number.IndexOf(stub, StringComparison.Ordinal) + 1;
        for (var lead = 170; lead <= 200; lead++)
        {
            var excerpt = Excerpts.Derive(Han(lead - separatorAt) + "，" + Han(1) + number + Han(100), Max);
            Assert.DoesNotContain(stub + "…", excerpt, StringComparison.Ordinal);
            Assert.DoesNotContain(stub + number[separatorAt] + "…", excerpt, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Derive_keeps_closing_quote_after_sentence_end()
    {
        var text = Han(120) + "。」" + Han(200);
        Assert.Equal(Han(120) + "。」", Excerpts.Derive(text, Max));
    }

    [Fact]
    public void Derive_cuts_latin_text_after_a_full_stop_followed_by_space()
    {
        var sentence = "Qwen3-Max scores 69.6 on SWE-Bench Verified. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 10));
        var excerpt = Excerpts.Derive(text, Max);
        Assert.EndsWith("Verified.", excerpt, StringComparison.Ordinal);
        Assert.True(Length(excerpt) <= Max);
    }

    [Fact]
    public void Derive_cuts_at_a_sentence_outside_a_quotation_that_goes_on()
    {
        // Found by a probe: "「安全性と快適性を…続けていく。…" left the quotation open, after a stop, with an ellipsis.
        Assert.Equal(Han(110) + "。", Excerpts.Derive(Han(110) + "。社長は「" + Han(30) + "。" + Han(100) + "」", Max));
        var english = "The minister spoke at length about the plan and what it means for farmers across the region. " +
            "He said: \"We will keep investing. We will never stop. We will not let the farmers down, whatever it costs us.\" Then he left.";
        Assert.EndsWith("region.", Excerpts.Derive(english, 120), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("„Jahrhundertprojekt“")]
    [InlineData("„Jahrhundertprojekt”")]
    [InlineData("“Jahrhundertprojekt”")]
    [InlineData("»Jahrhundertprojekt«")]
    public void Derive_ends_at_a_sentence_after_a_closed_german_quotation(string quoted)
    {
        // Found by a probe: „…“ read “ as opening a second quotation, so every later stop was inside one, with an ellipsis.
        var text = $"Die Stadt nennt die neue Straßenbahnlinie durch das Zentrum und die Vororte ein {quoted} für die Verkehrswende der Region. " +
            "Auch die Anwohner entlang der Strecke hoffen auf weniger Verkehr, sobald die ersten Züge im nächsten Sommer fahren.";
        Assert.EndsWith("Region.", Excerpts.Derive(text, 150), StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_still_sees_a_german_quotation_left_open()
    {
        var text = "Der Minister sprach lange über den Plan und was er für die Bauern der Region bedeutet, dann sagte er: " +
            "„Wir investieren weiter. Wir hören nie auf. Wir lassen die Bauern nicht im Stich, was es auch kostet.“ Dann ging er.";
        Assert.EndsWith("…", Excerpts.Derive(text, 150), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dr.")]
    [InlineData("U.S.")]
    [InlineData("Inc.")]
    public void Derive_never_cuts_at_an_abbreviation(string abbreviation)
    {
        var text = "The study of coral bleaching across the northern reef was funded by the ministry and carried out over three years, " +
            $"and its final phase was led by {abbreviation} Jane Smith of the marine institute, who presented the results to the press today in town.";
        var excerpt = Excerpts.Derive(text, 170);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.Contains(abbreviation + " Jane Smith", excerpt, StringComparison.Ordinal);
    }

    /// <summary>
    /// A stop before a word in lowercase ends no sentence: the excerpt stopped after "3 p.m." as if the sentence had
    /// ended there, with no ellipsis, where the abbreviation rule looked only at capitalised words.
    /// </summary>
    [Theory]
    [InlineData("3 p.m.", "on Friday")]
    [InlineData("e.g.", "the reef")]
    [InlineData("etc.", "and more")]
    [InlineData("Yahoo!", "said today")]
    [InlineData("ст.", "в Москве")]
    public void Derive_never_cuts_at_a_stop_that_a_lowercase_word_follows(string stop, string next)
    {
        var text = "The study of coral bleaching across the northern reef was funded by the ministry and carried out over three years, " +
            $"and its final phase was presented at {stop} {next} by the marine institute, who took questions from the press today in town.";
        var excerpt = Excerpts.Derive(text, 170);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.Contains($"{stop} {next}", excerpt, StringComparison.Ordinal);
    }

    /// <summary>
    /// A stop that a capitalised word follows still ends a sentence, and a semicolon ends a clause whatever case follows
    /// it: the lowercase rule, meant for stops, left English text with no clause end to fall back to ("…prices rose;"
    /// lost to a cut between words; review).
    /// </summary>
    [Theory]
    [InlineData("The study of coral bleaching across the northern reef was funded by the ministry and carried out over three years " +
        "and its final phase ended at 3 p.m. The marine institute presented the results to the press today in the town hall.", "3 p.m.")]
    [InlineData("Across the northern provinces the cost of rice, flour and cooking oil climbed for the fourth month running, " +
        "and in the markets of the capital prices rose; the central bank said it would wait for the harvest figures before it acted", "prices rose;…")]
    public void Derive_still_cuts_english_text_at_a_sentence_or_clause_end(string text, string end) =>
        Assert.EndsWith(end, Excerpts.Derive(text, 170), StringComparison.Ordinal);

    [Fact]
    public void Derive_cuts_inside_a_quotation_with_an_ellipsis_when_no_sentence_outside_it_is_long_enough() =>
        Assert.Equal(Han(50) + "「" + Han(100) + "。…", Excerpts.Derive(Han(50) + "「" + Han(100) + "。" + Han(100), Max));

    [Fact]
    public void Derive_does_not_treat_decimal_points_as_sentence_ends()
    {
        var text = Han(150) + "Qwen2.5" + Han(100);
        Assert.DoesNotContain("Qwen2.…", Excerpts.Derive(text, Max), StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_falls_back_to_fullwidth_semicolon_when_no_sentence_ends()
    {
        var text = Han(150) + "；" + Han(100);
        Assert.Equal(Han(150) + "；…", Excerpts.Derive(text, Max));
    }

    [Fact]
    public void Derive_ignores_a_sentence_end_in_the_first_half()
    {
        var text = Han(10) + "。" + Han(300);
        var excerpt = Excerpts.Derive(text, Max);
        Assert.Equal(Max, Length(excerpt));
        Assert.EndsWith("字…", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_cuts_latin_text_without_sentence_ends_between_words()
    {
        var text = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 20));
        var excerpt = Excerpts.Derive(text, Max);
        var words = excerpt.TrimEnd('…').Split(' ');
        Assert.All(words, word => Assert.Contains(word, new[] { "lorem", "ipsum", "dolor", "sit", "amet" }));
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.True(Length(excerpt) <= Max);
    }

    [Fact]
    public void Derive_drops_a_trailing_comma_before_the_ellipsis()
    {
        var text = Han(198) + "，" + Han(100);
        Assert.Equal(Han(198) + "…", Excerpts.Derive(text, Max));
    }

    /// <summary>
    /// Paragraphs join with no space where Chinese sets none: after a quotation closing a paragraph ("…努力。”" then
    /// "市场…"), as after 。; the excerpt read "…努力。” 市场人士…" (CJK review).
    /// </summary>
    [Theory]
    [InlineData("他说：“我们会继续努力。”\n\n市场人士认为需求强劲。", "他说：“我们会继续努力。”市场人士认为需求强劲。")]
    [InlineData("他停了一下……\n\n然后说", "他停了一下……然后说")]
    [InlineData("第一段\n\n第二段", "第一段 第二段")]
    [InlineData("He said “yes”\n\nThen he left.", "He said “yes” Then he left.")]
    // An English paragraph's closing quote or ellipsis, before a Chinese one, keeps its space (session 49's final read).
    [InlineData("He said “yes”\n\n他同意了。", "He said “yes” 他同意了。")]
    [InlineData("He paused…\n\n然后说", "He paused… 然后说")]
    [InlineData("He said “yes” 他同意了。", "He said “yes” 他同意了。")]
    public void Derive_joins_paragraphs_beside_a_closing_quote_in_chinese_without_a_space(string markdown, string excerpt) =>
        Assert.Equal(excerpt, DerivedExcerpt.Of(markdown));

    /// <summary>
    /// A full-width space inside a Chinese or Japanese paragraph is a character of it, as wide as the letters beside it,
    /// which browsers show as written (CSS collapses only spaces, tabs and line breaks): the excerpt read "中央社記者 王小明".
    /// </summary>
    [Theory]
    [InlineData("中央社記者\u3000王小明報導，行政院今天通過。", "中央社記者\u3000王小明報導，行政院今天通過。")]
    [InlineData("東京\u3000\u3000大阪を結ぶ新幹線。", "東京\u3000\u3000大阪を結ぶ新幹線。")]
    [InlineData("記者 \u3000王小明說，法案今天通過。", "記者\u3000王小明說，法案今天通過。")]
    [InlineData("第一段\n\n\u3000\u3000第二段", "第一段 第二段")]
    public void Derive_keeps_a_full_width_space_as_written(string markdown, string excerpt) =>
        Assert.Equal(excerpt, DerivedExcerpt.Of(markdown));

    /// <summary>
    /// A long Chinese or Japanese paragraph whose sentences run on with commas alone, as news leads do: the excerpt was
    /// cut at its 199th character, mid-clause, where a clause ended a few characters before (CJK review).
    /// </summary>
    [Theory]
    [InlineData("，", "受到全球人工智慧需求持續強勁帶動")]
    [InlineData("、", "世界的なＡＩ需要の拡大を受けて")]
    public void Derive_cuts_a_comma_only_cjk_paragraph_at_a_clause_end(string comma, string clause)
    {
        var text = string.Join(comma, Enumerable.Repeat(clause, 30)) + "。";
        var excerpt = Excerpts.Derive(text, Max);
        Assert.EndsWith(clause + "…", excerpt, StringComparison.Ordinal);
        Assert.StartsWith(excerpt[..^1] + comma, text, StringComparison.Ordinal);
        Assert.True(Length(excerpt) > Max - clause.Length - 2, excerpt);
    }

    /// <summary>
    /// Japanese runs on without spaces, but its scripts show where words end: a long sentence with no stop or comma in
    /// reach was cut inside a katakana word ("…コーポレー…"), or inside a compound where a particle had ended a phrase a
    /// few characters before ("…政府は国土交…"). The cut now falls where a phrase ends: after hiragana (a particle or an
    /// ending) before kanji or katakana, as the first case's "…後で", or after a katakana word (CJK review).
    /// </summary>
    [Theory]
    [InlineData("", "マイクロソフトコーポレーションの担当者が説明した。")]
    [InlineData("今日も改めて政府は", "国土交通省の担当者が記者会見で説明した。")]
    public void Derive_cuts_japanese_where_a_phrase_ends_not_inside_a_word(string leadEnd, string rest)
    {
        var lead = string.Concat(Enumerable.Repeat("政府は新しい経済対策を発表した後で", 11)) + leadEnd;
        Assert.Equal(lead + "…", Excerpts.Derive(lead + rest, Max));
    }

    /// <summary>
    /// Chinese with a stray "の", as Taiwanese and Hong Kong papers write shop names and headlines ("台北の夜市"), is no
    /// Japanese: one kana in reach took it for Japanese, whose phrases end after hiragana, and the cut fell right after
    /// the "の", dozens of characters short, mid-name (CJK review).
    /// </summary>
    [Fact]
    public void Derive_cuts_chinese_with_a_stray_kana_as_chinese()
    {
        var clause = "觀光署今年推出的夜市美食地圖收錄全台各地";
        var text = clause + clause + clause + clause + clause + clause + "人氣攤商其中台北の夜市最受歡迎" + string.Concat(Enumerable.Repeat(clause, 6)) + "。";
        var excerpt = Excerpts.Derive(text, Max);
        Assert.Equal(Max, Length(excerpt));
        Assert.StartsWith(excerpt[..^1], text, StringComparison.Ordinal);
    }

    /// <summary>A cut right after a name's dot leaves the dot out, as it does a comma: "…マイクロソフト・…" read as a name cut short.</summary>
    [Theory]
    [InlineData("マイクロソフト", "・", "ジャパン")]
    [InlineData("瑪麗", "·", "居禮")]
    [InlineData("瑪麗", "‧", "居禮")]
    public void Derive_drops_a_name_dot_at_a_word_cut(string name, string dot, string after)
    {
        var lead = Han(Max - 1 - name.Length - 1) + name;
        Assert.Equal(lead + "…", Excerpts.Derive(lead + dot + after + Han(100), Max));
    }

    [Fact]
    public void Derive_cuts_a_single_long_word_at_a_character_boundary()
    {
        var text = "https://example.com/" + new string('a', 400);
        var excerpt = Excerpts.Derive(text, Max);
        Assert.Equal(Max, Length(excerpt));
        Assert.StartsWith(excerpt[..^1], text, StringComparison.Ordinal);
    }

    public static TheoryData<string> Clusters =>
    [
        "👨‍👩‍👧‍👦",   // family: four emoji joined by ZWJ
        "👍🏽",          // emoji with skin-tone modifier
        "🏳️‍🌈",        // flag with variation selector and ZWJ
        "🇹🇼",          // regional-indicator pair
        "e\u0301",      // e + combining acute accent
        "ก\u0e31\u0e49", // Thai consonant with two combining marks
        "𠀀",           // CJK extension B, a surrogate pair
    ];

    [Theory]
    [MemberData(nameof(Clusters))]
    public void Derive_never_splits_a_grapheme_cluster(string cluster)
    {
        for (var lead = 0; lead < 8; lead++)
        {
            var text = new string('x', lead) + string.Concat(Enumerable.Repeat(cluster, 300));
            var excerpt = Excerpts.Derive(text, Max);
            var kept = excerpt[..^1];
            Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
            Assert.StartsWith(kept, text, StringComparison.Ordinal);
            Assert.Equal(kept, string.Concat(Enumerable.Repeat(cluster, Length(kept) - lead)).Insert(0, new string('x', lead)));
            Assert.True(Length(excerpt) <= Max);
        }
    }

    [Fact]
    public void Derive_never_leaves_a_lone_surrogate()
    {
        var text = "字" + string.Concat(Enumerable.Repeat("𠀀𠀁", 200));
        var excerpt = Excerpts.Derive(text, Max);
        for (var i = 0; i < excerpt.Length; i++)
        {
            if (char.IsHighSurrogate(excerpt[i]))
            {
                Assert.True(char.IsLowSurrogate(excerpt[++i]));
            }
            else
            {
                Assert.False(char.IsLowSurrogate(excerpt[i]));
            }
        }
    }

    [Fact]
    public void Derive_joins_lines_with_single_spaces() =>
        Assert.Equal("Title First. Second.", Excerpts.Derive("Title\nFirst.\n\n  Second.", Max));

    [Theory]
    // CJK punctuation separates already: a space beside it is a gap in Chinese typography.
    [InlineData("標題\n第一段。\n\n第二段。", "標題 第一段。第二段。")]
    [InlineData("他說：「好。」 然後離開", "他說：「好。」然後離開")]
    [InlineData("取得 69.6 分。 Qwen3-Max 領先", "取得 69.6 分。Qwen3-Max 領先")]
    // Between words, with or without CJK on either side, the space stays.
    [InlineData("阿里巴巴 Qwen3 發布", "阿里巴巴 Qwen3 發布")]
    [InlineData("항목 하나 항목 둘", "항목 하나 항목 둘")]
    public void Derive_drops_the_space_beside_CJK_punctuation(string text, string excerpt) =>
        Assert.Equal(excerpt, Excerpts.Derive(text, Max));

    [Fact]
    public void A_derived_excerpt_is_never_longer_than_a_request_may_send_back()
    {
        var heavy = string.Concat(Enumerable.Repeat("Z" + new string('\u0301', 3000) + " ", 3)) + "normal text after.";
        var excerpt = ArticleText.Measure(heavy, ParseLimits.Unhurried).DerivedExcerpt;
        Assert.InRange(CharacterLimit.Count(excerpt), 1, ArticleText.ExcerptMaxCharacters);
        Assert.EndsWith(Excerpts.Ellipsis, excerpt, StringComparison.Ordinal);
    }

    /// <summary>
    /// A cut right after an opening bracket or quote drops it, and with it what a cut drops before it: "…said, (台灣…"
    /// kept "said,…" with its comma, "x: (" its colon, and an isolate opened before the bracket, which the excerpt
    /// drops as left open, left "said …" with a space before the ellipsis (CJK review).
    /// </summary>
    [Theory]
    [InlineData(", (")]
    [InlineData(": (")]
    [InlineData(" \u2067(")]
    [InlineData(" \u2068「")]
    public void Derive_drops_the_separators_before_an_opener_it_drops(string end)
    {
        var words = string.Concat(Enumerable.Repeat("plan ", 40))[..(Max - 2 - end.Length)] + "x"; // the opener is the last one kept
        var excerpt = ArticleText.Measure(words + end + Han(100), ParseLimits.Unhurried).DerivedExcerpt;
        Assert.Equal(words + Excerpts.Ellipsis, excerpt);
    }

    [Theory]
    [InlineData("「")]
    [InlineData("《")]
    [InlineData("(")]
    public void Derive_never_ends_on_an_opening_bracket_or_quote(string opener)
    {
        var excerpt = Excerpts.Derive(string.Concat(Enumerable.Repeat("他說", 99)) + opener + "這是一個很長的引用內容」", Max);
        Assert.EndsWith("他說…", excerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("作者 | 王小明\n正文開始。")]
    [InlineData("文｜愛範兒\n正文開始。")]
    [InlineData("By: Jane Doe\n正文開始。")]
    // The bylines the importer recognises, and the forms of Taiwanese, Russian, Arabic and Korean newsrooms.
    [InlineData("By Jane Doe and John Roe\n正文開始。")]
    [InlineData("By Jane Doe\n正文開始。")]
    [InlineData("記者王小明／台北報導\n正文開始。")]
    [InlineData("【記者王小明／台北報導】\n正文開始。")]
    [InlineData("〔記者王小明／台北報導〕\n正文開始。")]
    [InlineData("（中央社記者王小明台北1日電）\n正文開始。")]
    [InlineData("Автор: Иван Петров\n正文開始。")]
    [InlineData("كتب: أحمد علي\n正文開始。")]
    [InlineData("글=김민수 기자\n正文開始。")]
    [InlineData("작성자｜김민수\n正文開始。")] // was kept in the excerpt (final check)
    public void Derive_skips_a_leading_byline(string text) =>
        Assert.Equal("正文開始。", Excerpts.Derive(text, Max));

    [Theory]
    [InlineData("作者｜王小明\n編輯｜李四\n正文開始。")]
    [InlineData("作者｜王小明\n\n編輯｜李四\n\n正文開始。")]
    [InlineData("文｜愛範兒\n編輯｜李四\n記者王小明／台北報導\n正文開始。")]
    public void Derive_skips_each_of_the_leading_bylines(string text) =>
        Assert.Equal("正文開始。", Excerpts.Derive(text, Max));

    [Theory]
    [InlineData("文學的力量。\n正文。", "文學的力量。正文。")]
    [InlineData("By 2030 the grid will change\n正文。", "By 2030 the grid will change 正文。")]
    [InlineData("By the end of the year, prices fell\n正文。", "By the end of the year, prices fell 正文。")]
    [InlineData("記者會今天舉行\n正文。", "記者會今天舉行 正文。")]
    [InlineData("By Tuesday\n正文。", "By Tuesday 正文。")]
    [InlineData("By The Numbers\n正文。", "By The Numbers 正文。")]
    [InlineData("By Land And Sea\n正文。", "By Land And Sea 正文。")]
    [InlineData("記者會今天討論停電\n正文。", "記者會今天討論停電 正文。")]
    [InlineData("记者从国家电网获悉：今夏不缺电\n正文。", "记者从国家电网获悉：今夏不缺电 正文。")]
    public void Derive_keeps_a_first_line_that_only_starts_like_a_byline(string text, string excerpt) =>
        Assert.Equal(excerpt, Excerpts.Derive(text, Max));
}
