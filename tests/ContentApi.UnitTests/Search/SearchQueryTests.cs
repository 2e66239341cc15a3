using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

public sealed class SearchQueryTests
{
    private static string[] Texts(SearchQuery query) => query.Terms.Select(t => (t.IsExcluded ? "-" : "") + t.Text).ToArray();

    [Fact]
    public void Parse_whitespace_separated_words_gives_one_term_each()
    {
        var query = SearchQuery.Parse("  qwen3 模型\u3000通義千問 ");
        Assert.True(query.IsValid);
        Assert.Equal(["qwen3", "模型", "通義千問"], Texts(query));
        Assert.Equal(["通义", "义", "义千", "千", "千问"], query.Terms[2].Tokens);
    }

    [Theory]
    [InlineData("模型", new[] { "模型" })]
    [InlineData("模", new[] { "模" })]
    [InlineData("GPT模型", new[] { "gpt", "模", "模型" })]
    [InlineData("模型GPT", new[] { "模型", "型", "gpt" })]
    [InlineData("石墨烯", new[] { "石墨", "墨", "墨烯" })]
    public void Parse_cjk_term_leaves_out_the_unigrams_its_end_bigrams_imply(string text, string[] tokens) =>
        Assert.Equal(tokens, SearchQuery.Parse(text).Terms.Single().Tokens);

    /// <summary>A " typed for a gershayim (צה"ל) opened a quoted phrase: the query was the terms צה and ל (editor probe).</summary>
    [Theory]
    [InlineData("צה\"ל", new[] { "צה\"ל" })]
    [InlineData("צה\"ל היום", new[] { "צה\"ל", "היום" })]
    [InlineData("\"דובר צה\"ל\" הודיע", new[] { "דובר צה\"ל", "הודיע" })]
    [InlineData("היום -צה\"ל", new[] { "היום", "-צה\"ל" })]
    public void Parse_a_quote_between_hebrew_letters_is_part_of_the_word(string input, string[] expected)
    {
        var query = SearchQuery.Parse(input);
        Assert.Equal(expected, Texts(query));
        Assert.Contains(query.Terms, term => term.Tokens.Contains("צהל"));
    }

    /// <summary>
    /// Phones and Chinese input methods type quotation marks as “ ” (iOS smart punctuation, a Chinese IME's " key), and
    /// German writers „ “: they quoted nothing, so “Apple Watch” was the words “Apple and Watch” anywhere, and
    /// -“Apple Watch” excluded every article holding Apple while requiring Watch (review).
    /// </summary>
    [Theory]
    [InlineData("“Apple Watch” review", new[] { "Apple Watch", "review" })]
    [InlineData("Watch -“Apple Watch”", new[] { "Watch", "-Apple Watch" })]
    [InlineData("„Deutsche Bahn“ Streik", new[] { "Deutsche Bahn", "Streik" })]
    [InlineData("＂台灣 晶片＂", new[] { "台灣 晶片" })]
    [InlineData("«Le Monde» -»Le Figaro«", new[] { "Le Monde", "-Le Figaro" })]
    [InlineData("“Apple Watch", new[] { "Apple", "Watch" })] // closed by nothing: no quote
    // Traditional Chinese and Japanese quote with corner brackets: 「machine learning」 was the two words anywhere (review).
    [InlineData("「machine learning」 課程", new[] { "machine learning", "課程" })]
    [InlineData("『Deep Learning』 -「machine learning」", new[] { "Deep Learning", "-machine learning" })]
    public void Parse_typographic_quotation_marks_quote_a_phrase(string input, string[] expected) =>
        Assert.Equal(expected, Texts(SearchQuery.Parse(input)));

    /// <summary>
    /// A corner bracket or other quotation mark between two Chinese or Japanese characters is a bracket inside the run,
    /// as the index reads it, not a quote: "台積電「先進製程」發表" was three words anywhere, and "“台積電「先進製程」發表”"
    /// closed its phrase at 「 (review).
    /// </summary>
    [Theory]
    [InlineData("台積電「先進製程」發表", new[] { "台積電「先進製程」發表" })]
    [InlineData("“台積電「先進製程」發表” 晶片", new[] { "台積電「先進製程」發表", "晶片" })]
    [InlineData("-『台積電「先進製程」』 晶片", new[] { "-台積電「先進製程」", "晶片" })]
    [InlineData("「先進製程」 發表", new[] { "先進製程", "發表" })]
    public void Parse_quotation_marks_inside_a_chinese_run_are_part_of_it(string input, string[] expected) =>
        Assert.Equal(expected, Texts(SearchQuery.Parse(input)));

    /// <summary>
    /// A quote that opens a term is a quote whatever follows its partner: "台積電"發表 is the phrase 台積電 and the word
    /// 發表, as it was before quotation marks inside a Chinese run were read as part of it, which made it one run (and
    /// -"先進"發表 a query of exclusions only, a 400) (review).
    /// </summary>
    [Theory]
    [InlineData("\"台積電\"發表", new[] { "台積電", "發表" })]
    [InlineData("“機器學習”教學", new[] { "機器學習", "教學" })]
    [InlineData("-\"先進\"發表", new[] { "-先進", "發表" })]
    [InlineData("-「先進」發表", new[] { "-先進", "發表" })]
    [InlineData("「先進製程」發表", new[] { "先進製程", "發表" })]
    public void Parse_a_quote_opening_a_term_closes_at_its_partner_before_more_chinese(string input, string[] expected) =>
        Assert.Equal(expected, Texts(SearchQuery.Parse(input)));

    [Fact]
    public void Parse_a_chinese_run_with_brackets_has_the_tokens_of_the_run_without_them() =>
        Assert.Equal(SearchQuery.Parse("台積電先進製程發表").Terms[0].Tokens, SearchQuery.Parse("台積電「先進製程」發表").Terms[0].Tokens);

    /// <summary>An input method in full-width mode types "－" for the minus: "－GPT 測試" required GPT (review).</summary>
    [Theory]
    [InlineData("－GPT 測試", new[] { "-GPT", "測試" })]
    [InlineData("測試 －＂機器 學習＂", new[] { "測試", "-機器 學習" })]
    [InlineData("測試 － GPT", new[] { "測試", "GPT" })] // apart from a word, as "-" is
    public void Parse_full_width_minus_excludes(string input, string[] expected) =>
        Assert.Equal(expected, Texts(SearchQuery.Parse(input)));

    [Fact]
    public void Parse_quoted_phrase_is_one_term_with_its_tokens_in_order()
    {
        var query = SearchQuery.Parse("\"SWE-Bench Verified\" score");
        Assert.Equal(["SWE-Bench Verified", "score"], Texts(query));
        Assert.Equal(["swe", "bench", "verified"], query.Terms[0].Tokens);
    }

    [Theory]
    [InlineData("hydrogen,grid", new[] { "hydrogen", "grid" })]
    [InlineData("儲能、系統", new[] { "儲能", "系統" })]
    [InlineData("儲能，系統；電網", new[] { "儲能", "系統", "電網" })]
    [InlineData("模型! -廣告?", new[] { "模型", "-廣告" })]
    [InlineData("標題：內容", new[] { "標題", "內容" })]
    [InlineData("الطاقة،الشمس؛الرياح؟", new[] { "الطاقة", "الشمس", "الرياح" })]
    [InlineData("योजना।किसान", new[] { "योजना", "किसान" })]
    [InlineData("\"儲能、系統\"", new[] { "儲能、系統" })]
    [InlineData("Node.js 10:30 C# Qwen3-Max", new[] { "Node.js", "10:30", "C#", "Qwen3-Max" })]
    [InlineData("1,000 2,50", new[] { "1,000", "2", "50" })] // a thousands comma is part of its number
    [InlineData("８，５００億 4，600亿 2，50", new[] { "８，５００億", "4，600亿", "2", "50" })] // and so is a full-width one
    public void Parse_list_punctuation_separates_terms_like_spaces(string input, string[] expected) =>
        Assert.Equal(expected, Texts(SearchQuery.Parse(input)));

    [Fact]
    public void Parse_hyphenated_word_is_a_phrase_of_its_parts() =>
        Assert.Equal(["qwen3", "3", "max"], SearchQuery.Parse("Qwen3-Max").Terms.Single().Tokens);

    [Fact]
    public void Parse_leading_minus_excludes_a_word_or_phrase()
    {
        var query = SearchQuery.Parse("qwen -max -\"open source\" a-b");
        Assert.Equal(["qwen", "-max", "-open source", "a-b"], Texts(query));
        Assert.Equal(["qwen", "a-b"], query.IncludedTerms.Select(t => t.Text));
    }

    [Theory]
    [InlineData("qwen \"open source", new[] { "qwen", "open", "source" })]
    [InlineData("qwen \"", new[] { "qwen" })]
    [InlineData("a\"b c", new[] { "a", "b", "c" })]
    [InlineData("\"open source\" \"qwen max", new[] { "open source", "qwen", "max" })]
    [InlineData("-\"open source", new[] { "-open", "source" })]
    [InlineData("“café crème", new[] { "café", "crème" })]
    public void Parse_unclosed_quote_is_ignored_and_its_words_are_plain_words(string input, string[] expected)
    {
        var query = SearchQuery.Parse(input);
        Assert.True(query.IsValid);
        Assert.Equal(expected, Texts(query));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n")]
    [InlineData("!!! ??? *")]
    [InlineData("\"\"")]
    [InlineData("- -- \"-\"")]
    [InlineData("( ) : ^ *")]
    [InlineData("。、「」")]
    public void Parse_query_without_letters_or_digits_is_invalid(string? input)
    {
        var query = SearchQuery.Parse(input);
        Assert.False(query.IsValid);
        Assert.Equal(SearchQuery.EmptyMessage, query.Error);
        Assert.Empty(query.Terms);
    }

    [Theory]
    [InlineData("-qwen")]
    [InlineData("-qwen -\"open source\" ***")]
    public void Parse_query_of_only_exclusions_is_invalid(string input) =>
        Assert.Equal(SearchQuery.OnlyExclusionsMessage, SearchQuery.Parse(input).Error);

    [Fact]
    public void Parse_query_longer_than_max_length_is_invalid()
    {
        Assert.True(SearchQuery.Parse(new string('a', SearchQuery.MaxLength)).IsValid);
        Assert.Equal(SearchQuery.TooLongMessage, SearchQuery.Parse(new string('a', SearchQuery.MaxLength + 1)).Error);
    }

    [Fact]
    public void Parse_length_counts_characters_not_utf16_units() =>
        Assert.True(SearchQuery.Parse(string.Concat(Enumerable.Repeat("𠀀", SearchQuery.MaxLength))).IsValid);

    [Fact]
    public void Parse_query_with_more_than_max_terms_is_invalid()
    {
        Assert.True(SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("ab", SearchQuery.MaxTerms))).IsValid);
        Assert.Equal(SearchQuery.TooManyTermsMessage, SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("ab", SearchQuery.MaxTerms + 1))).Error);
    }

    [Fact]
    public void Parse_punctuation_only_terms_do_not_count_towards_the_term_limit() =>
        Assert.True(SearchQuery.Parse("ab " + string.Join(' ', Enumerable.Repeat("*", SearchQuery.MaxTerms + 5))).IsValid);

    [Theory]
    [InlineData("NEAR(a b)", new[] { "NEAR(a", "b)" })]
    [InlineData("title:x", new[] { "title:x" })]
    [InlineData("a* ^x", new[] { "a*", "^x" })]
    [InlineData("AND OR NOT", new[] { "AND", "OR", "NOT" })]
    [InlineData("x ) (", new[] { "x" })]
    public void Parse_fts5_syntax_is_ordinary_text(string input, string[] expected) =>
        Assert.Equal(expected, Texts(SearchQuery.Parse(input)));

    [Fact]
    public void Parse_fts5_keywords_become_lowercase_word_tokens() =>
        Assert.Equal(["and", "or", "not"], SearchQuery.Parse("AND OR NOT").Terms.SelectMany(t => t.Tokens));

    /// <summary>
    /// Punctuation beside a Chinese or Japanese word parts the term, as does the middle dot of a list of kanji words;
    /// between Latin words and digits, inside a foreign name and after a number it joins a phrase.
    /// </summary>
    [Theory]
    [InlineData("東京・大阪", new[] { "東京", "大阪" })]
    [InlineData("日･米", new[] { "日", "米" })]
    [InlineData("なし・りんご", new[] { "なし", "りんご" })]
    [InlineData("ドナルド・トランプ", new[] { "ドナルド・トランプ" })]
    [InlineData("ジョン・万次郎", new[] { "ジョン・万次郎" })]
    [InlineData("伊隆·馬斯克", new[] { "伊隆·馬斯克" })]
    [InlineData("ジョージ・W・ブッシュ", new[] { "ジョージ・W・ブッシュ" })]
    [InlineData("2024年/2025年", new[] { "2024年", "2025年" })]
    [InlineData("營運長/COO", new[] { "營運長", "COO" })]
    [InlineData("5G-手機", new[] { "5G", "手機" })]
    [InlineData("2024年", new[] { "2024年" })]
    [InlineData("C#/.NET", new[] { "C#/.NET" })]
    [InlineData("TCP/IP", new[] { "TCP/IP" })]
    [InlineData("37%股權", new[] { "37%股權" })]
    [InlineData("\"東京・大阪\"", new[] { "東京・大阪" })]
    [InlineData("模型 -阿里雲-發布", new[] { "模型", "-阿里雲-發布" })]
    public void Parse_punctuation_beside_a_cjk_word_parts_the_term(string input, string[] expected) =>
        Assert.Equal(expected, Texts(SearchQuery.Parse(input)));

    /// <summary>
    /// A character that NFKC makes two units of, each spanning all of it (Thai ำ is ํ and า, ㍻ is 平成, ㋀ is 1月), threw
    /// when the parting rules measured what stands between them: a 500 for a search of น้ำ (water).
    /// </summary>
    [Theory]
    [InlineData("น้ำ")]
    [InlineData("ทำงาน")]
    [InlineData("㍻")]
    [InlineData("㋀")]
    public void Parse_a_character_read_as_two_units_is_one_term(string input)
    {
        var query = SearchQuery.Parse(input);

        Assert.True(query.IsValid, query.Error);
        Assert.Equal([input], Texts(query));
    }

    /// <summary>
    /// A term cut into more parts than the query may have terms was a 400 for a query typed as one term: the term cut into
    /// the most parts is one phrase again, and only terms typed apart count past the limit.
    /// </summary>
    [Fact]
    public void Parse_a_term_whose_parts_pass_the_term_limit_is_one_phrase()
    {
        var query = SearchQuery.Parse("a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 阿-里 阿/里/雲/發/布/新");

        Assert.True(query.IsValid);
        Assert.Equal(["阿", "里", "阿/里/雲/發/布/新"], Texts(query)[11..]);
        Assert.False(SearchQuery.Parse(string.Join(' ', Enumerable.Range(1, SearchQuery.MaxTerms + 1).Select(i => $"w{i}"))).IsValid);
    }

    /// <summary>An excluded or quoted term with punctuation between Chinese words is also matched with them joined.</summary>
    [Fact]
    public void Parse_an_excluded_term_parted_by_punctuation_excludes_its_words_joined_too()
    {
        var excluded = SearchQuery.Parse("模型 -阿里雲-發布").ExcludedTerms.Single();

        Assert.Equal([["阿里", "里", "里云", "云", "发", "发布"], ["阿里", "里", "里云", "云", "云发", "发", "发布"]], excluded.ExcludedTokens);
    }
}
