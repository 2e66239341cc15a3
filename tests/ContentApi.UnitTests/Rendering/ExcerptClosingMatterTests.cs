namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// A short article's derived excerpt ran on past the thematic break into its closing matter, the platform disclaimer
/// the reference article ends with ("…售價五千元。本文僅代表作者個人觀點…", found by a review).
/// </summary>
public sealed class ExcerptClosingMatterTests
{
    private static string Excerpt(string markdown) => DerivedExcerpt.Of(markdown);

    [Theory]
    [InlineData("華為今天發布新手機，售價五千元。\n\n---\n\n*本文僅代表作者個人觀點，不代表本平台立場。*\n", "華為今天發布新手機，售價五千元。")]
    [InlineData("Apple unveiled the iPhone 17 today.\n\n***\n\n*Disclaimer: the author holds no shares.*", "Apple unveiled the iPhone 17 today.")]
    [InlineData("第一段。\n\n第二段。\n\n___\n\n延伸閱讀：[另一篇](https://example.com/a)", "第一段。第二段。")]
    public void Nothing_after_a_thematic_break_that_follows_the_text_is_in_the_excerpt(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Theory]
    [InlineData("---\n\n導語在分隔線之後。", "導語在分隔線之後。")]
    [InlineData("## 小標\n\n---\n\n導語在小標與分隔線之後。", "導語在小標與分隔線之後。")]
    [InlineData("![封面](image:1)\n圖源:ifanr\n\n---\n\n導語在封面之後。", "導語在封面之後。")]
    // A byline or dateline alone before the break: the excerpt was empty (review).
    [InlineData("作者 | 王小明\n\n---\n\n行政院今天宣布新政策。", "行政院今天宣布新政策。")]
    [InlineData("By Jane Doe\n\n---\n\nThe lead paragraph is here.", "The lead paragraph is here.")]
    // Two bylines: the second was the excerpt (review).
    [InlineData("作者 | 王小明\n\n編輯 | 李四\n\n---\n\n行政院今天宣布新政策。", "行政院今天宣布新政策。")]
    [InlineData("作者 | 王小明\n編輯 | 李四\n\n---\n\n行政院今天宣布新政策。", "行政院今天宣布新政策。")]
    [InlineData("（中央社記者王小明台北1日電）\n\n---\n\n行政院今天宣布新政策。", "行政院今天宣布新政策。")]
    public void A_break_before_any_prose_leaves_the_prose_after_it(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Fact]
    public void A_setext_heading_underline_is_no_break() =>
        Assert.Equal("第一段。第二段。", Excerpt("第一段。\n\n小標\n---\n\n第二段。"));

    /// <summary>
    /// The editor's credit a Chinese news article ends with, run into its last line as the CNA writes it or on a line of
    /// its own, was the end of a short article's excerpt ("…良率已達60%以上。（編輯：李四）1141204").
    /// </summary>
    [Theory]
    [InlineData("台積電今天宣布，2奈米製程明年量產。\n\n外資指出，良率已達60%以上。（編輯：李四）1141204", "台積電今天宣布，2奈米製程明年量產。外資指出，良率已達60%以上。")]
    [InlineData("台積電今天宣布，2奈米製程明年量產。（編輯：李四）", "台積電今天宣布，2奈米製程明年量產。")]
    [InlineData("美國聯準會今天宣布維持利率不變。（編譯：張三/核稿：李四）1141204", "美國聯準會今天宣布維持利率不變。")]
    [InlineData("国务院今天召开常务会议。\n\n（责任编辑：王五）", "国务院今天召开常务会议。")]
    [InlineData("国务院今天召开常务会议。\n\n【责任编辑：王五、赵六】", "国务院今天召开常务会议。")]
    [InlineData("国务院今天召开常务会议。\n\n责任编辑：王五", "国务院今天召开常务会议。")]
    [InlineData("国务院今天召开常务会议。（编辑 王五）", "国务院今天召开常务会议。")]
    [InlineData("新华社北京12月4日电 国务院今天召开常务会议。（完）", "国务院今天召开常务会议。")]
    [InlineData("行政院今天通過法案。\n\n責任編輯／李大同", "行政院今天通過法案。")]
    public void The_editors_credit_ending_a_chinese_article_is_not_in_the_excerpt(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>The wire a Japanese paper's article came over, after its last sentence, was the end of a short article's excerpt.</summary>
    [Theory]
    [InlineData("政府は４日、新たな経済対策を閣議決定した。（共同）", "政府は４日、新たな経済対策を閣議決定した。")]
    [InlineData("大統領は「合意は近い」と述べた。（ロイター＝共同）", "大統領は「合意は近い」と述べた。")]
    [InlineData("日銀は政策金利を据え置いた。\n\n（時事）", "日銀は政策金利を据え置いた。")]
    public void The_wire_ending_a_japanese_article_is_not_in_the_excerpt(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>
    /// A Korean agency's article ends with its reporter's address and the agency's copyright notice, which were the end
    /// of a short article's excerpt.
    /// </summary>
    [Theory]
    [InlineData("정부는 4일 새 경제 대책을 발표했다.\n\nhong@yna.co.kr", "정부는 4일 새 경제 대책을 발표했다.")]
    [InlineData("정부는 4일 새 경제 대책을 발표했다.\n\nhong@yna.co.kr\n\n<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>", "정부는 4일 새 경제 대책을 발표했다.")]
    [InlineData("정부는 4일 새 경제 대책을 발표했다. <저작권자 ⓒ 1980-2025 ㈜연합뉴스. 무단 전재 재배포 금지.>", "정부는 4일 새 경제 대책을 발표했다.")]
    [InlineData("정부는 4일 새 경제 대책을 발표했다.\n\n[ⓒ 한국경제 & hankyung.com, 무단전재 및 재배포 금지]", "정부는 4일 새 경제 대책을 발표했다.")]
    [InlineData("정부는 4일 새 경제 대책을 발표했다.\n\n홍길동 기자 hong@hankyung.com", "정부는 4일 새 경제 대책을 발표했다.")]
    public void The_reporters_address_and_copyright_ending_a_korean_article_are_not_in_the_excerpt(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>
    /// The links to further reading a short article ends with, under a label of their own and without a thematic break
    /// before them, were the end of its excerpt ("…提供を始める。関連記事・マイクロソフト、AI投資を拡大", found by a probe).
    /// </summary>
    [Theory]
    [InlineData("日本では年内にも提供を始める。\n\n関連記事\n・[マイクロソフト、AI投資を拡大](https://example.com/a)", "日本では年内にも提供を始める。")]
    [InlineData("台積電今天宣布擴產。\n\n延伸閱讀：[台積電熊本廠開幕](https://example.com/a)", "台積電今天宣布擴產。")]
    [InlineData("台積電今天宣布擴產。\n\n**延伸閱讀**\n\n- [台積電熊本廠開幕](https://example.com/a)\n- [另一篇](https://example.com/b)", "台積電今天宣布擴產。")]
    [InlineData("国务院今天召开常务会议。\n\n## 相关阅读\n\n- [另一篇](https://example.com/a)", "国务院今天召开常务会议。")]
    [InlineData("国务院今天召开常务会议。\n\n【相关新闻】\n\n[另一篇](https://example.com/a)", "国务院今天召开常务会议。")]
    [InlineData("정부는 4일 새 경제 대책을 발표했다.\n\n▶ 관련기사\n\n- [다른 기사](https://example.com/a)", "정부는 4일 새 경제 대책을 발표했다.")]
    [InlineData("日銀は政策金利を据え置いた。\n\n＜関連記事＞\n\n- [日銀総裁会見](https://example.com/a)", "日銀は政策金利を据え置いた。")]
    [InlineData("台積電今天宣布擴產。\n\n★ 看更多相關新聞 ★\n\n- [台積電熊本二廠動工](https://example.com/a)", "台積電今天宣布擴產。")]
    [InlineData("Apple unveiled the iPhone 17 today.\n\nRead more:\n\n- [Another story](https://example.com/a)", "Apple unveiled the iPhone 17 today.")]
    [InlineData("Apple unveiled the iPhone 17 today.\n\n### Related articles\n\n- [Another story](https://example.com/a)", "Apple unveiled the iPhone 17 today.")]
    // The CNA's end mark, then a label marked with a block (probe: "…（完）▌延伸閱讀 a").
    [InlineData("行政院今天通過法案。（完）\n\n▌延伸閱讀\n\n- [a](https://a.example/)", "行政院今天通過法案。")]
    [InlineData("行政院今天通過法案。\n\n▼相關新聞\n\n- [a](https://a.example/)", "行政院今天通過法案。")]
    public void Further_reading_ending_an_article_is_not_in_the_excerpt(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>
    /// A label of further reading ended by a &lt;br&gt;, as HTML converted to Markdown writes its lines (a WeChat or CMS
    /// article's "延伸閱讀&lt;br&gt;[…](…)"), was read as one line with the links after it, so no label: they ended the excerpt (review).
    /// </summary>
    [Theory]
    [InlineData("台積電今天宣布擴產。\n\n延伸閱讀<br>[台積電熊本廠開幕](https://example.com/a)", "台積電今天宣布擴產。")]
    [InlineData("台積電今天宣布擴產。\n\n相關新聞<br/>[台積電熊本廠開幕](https://example.com/a)<br>[另一篇](https://example.com/b)", "台積電今天宣布擴產。")]
    [InlineData("国务院今天召开常务会议。\n\n【相关阅读】<BR>[另一篇](https://example.com/a)", "国务院今天召开常务会议。")]
    [InlineData("Apple unveiled the iPhone 17 today.\n\nRead more<br>[Another story](https://example.com/a)", "Apple unveiled the iPhone 17 today.")]
    public void A_label_of_further_reading_ended_by_a_br_is_one(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Theory]
    // A <br> after words that only start like a label, or after a label at the top, ends no article.
    [InlineData("Apple unveiled the iPhone 17 today.\n\nRead more about it<br>[Another story](https://example.com/a)", "Apple unveiled the iPhone 17 today. Read more about it Another story")]
    [InlineData("延伸閱讀<br>日本では年内にも提供を始める。", "延伸閱讀 日本では年内にも提供を始める。")]
    public void A_br_after_no_label_of_further_reading_ends_nothing(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Theory]
    // Only a label of its own is one, or one with a colon before links: prose that names further reading stays, and so
    // does a lead after a label.
    [InlineData("Apple unveiled the iPhone 17 today.\n\nRelated reading for the curious is in the notes.", "Apple unveiled the iPhone 17 today. Related reading for the curious is in the notes.")]
    [InlineData("関連記事\n\n日本では年内にも提供を始める。", "関連記事 日本では年内にも提供を始める。")]
    [InlineData("Apple unveiled the iPhone 17 today.\n\nRead more: the company said sales would start in May.", "Apple unveiled the iPhone 17 today. Read more: the company said sales would start in May.")]
    public void Text_that_only_names_further_reading_stays(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>
    /// What a Chinese article reposted from elsewhere ends with, each on a line of its own: where it came from ("（本文来自澎湃新闻，
    /// 更多原创资讯请下载“澎湃新闻”APP）", "本文經授權轉載自…"), its original title ("原标题：《…》") and source ("来源：新京报"), which were
    /// the end of a short article's excerpt (probe).
    /// </summary>
    [Theory]
    [InlineData("专家表示，物价总体保持平稳。\n\n（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）", "专家表示，物价总体保持平稳。")]
    [InlineData("专家表示，物价总体保持平稳。\n\n原标题：《11月CPI同比上涨0.2%》\n\n来源：新京报\n\n责任编辑：王五", "专家表示，物价总体保持平稳。")]
    [InlineData("專家表示，物價總體保持平穩。\n\n本文經授權轉載自《天下雜誌》，原文標題：〈物價平穩〉", "專家表示，物價總體保持平穩。")]
    [InlineData("专家表示，物价总体保持平稳。\n\n本文来自微信公众号“硅星人”（ID：guixingren123），作者：王小明，36氪经授权发布。", "专家表示，物价总体保持平稳。")]
    [InlineData("Prices held steady in November.\n\n*This article was originally published on The Conversation.*", "Prices held steady in November.")]
    public void Where_a_reposted_article_came_from_is_not_in_the_excerpt(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>
    /// Who reported and edited, as Reuters ends its stories; a Japanese paper's reporter in brackets; a Korean paper's
    /// reporter, with or without an address after a slash: the end of a short article's excerpt (probe).
    /// </summary>
    [Theory]
    [InlineData("The Federal Reserve held rates steady.\n\n*Reporting by Jane Doe; Editing by John Roe*", "The Federal Reserve held rates steady.")]
    [InlineData("The Federal Reserve held rates steady.\n\n(Additional reporting by Jane Doe in London; Writing by John Roe)", "The Federal Reserve held rates steady.")]
    [InlineData("日銀は2日、政策金利を据え置いた。\n\n（山田太郎）", "日銀は2日、政策金利を据え置いた。")]
    [InlineData("日銀は2日、政策金利を据え置いた。\n\n（編集委員　山田太郎）", "日銀は2日、政策金利を据え置いた。")]
    [InlineData("삼성전자가 5일 새 반도체를 발표했다.\n\n김철수 기자", "삼성전자가 5일 새 반도체를 발표했다.")]
    [InlineData("삼성전자가 5일 새 반도체를 발표했다.\n\n/김철수 기자 kim@sedaily.com", "삼성전자가 5일 새 반도체를 발표했다.")]
    public void Who_reported_it_at_the_end_is_not_in_the_excerpt(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>
    /// A Korean opinion column closes with its writer's name and position on a line of its own, with or without the
    /// organisation between them; a Japanese opinion piece with the writer's name and position in brackets (probe).
    /// </summary>
    [Theory]
    [InlineData("대학의 본래 목적은 진리 탐구에 있다. 취업률로 대학을 평가하는 풍토는 바뀌어야 한다.\n\n홍길동 서울대 교수", "대학의 본래 목적은 진리 탐구에 있다. 취업률로 대학을 평가하는 풍토는 바뀌어야 한다.")]
    [InlineData("정책의 방향을 다시 점검해야 한다.\n\n김철수 한국경제연구원 선임연구위원", "정책의 방향을 다시 점검해야 한다.")]
    [InlineData("법의 취지를 되새겨야 한다.\n\n이영희 변호사", "법의 취지를 되새겨야 한다.")]
    [InlineData("정치권은 민생을 돌아봐야 한다.\n\n박민수 논설위원", "정치권은 민생을 돌아봐야 한다.")]
    [InlineData("정책의 방향을 다시 점검해야 한다.\n\n최지은 법무법인 태평양 변호사", "정책의 방향을 다시 점검해야 한다.")]
    [InlineData("정책의 방향을 다시 점검해야 한다.\n\n정하늘 KDI 국제정책대학원 교수", "정책의 방향을 다시 점검해야 한다.")]
    [InlineData("日本経済の再生には構造改革が欠かせない。\n\n（山田太郎・東京大学教授）", "日本経済の再生には構造改革が欠かせない。")]
    [InlineData("日本経済の再生には構造改革が欠かせない。\n\n（やまだ・たろう　東京大学教授）", "日本経済の再生には構造改革が欠かせない。")]
    [InlineData("日本経済の再生には構造改革が欠かせない。\n\n（山田太郎・東京大学大学院経済学研究科教授）", "日本経済の再生には構造改革が欠かせない。")]
    public void A_columnists_name_and_position_at_the_end_is_not_in_the_excerpt(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>
    /// A last paragraph that only ends with a position's word is the column's: a sentence (it ends as one does), a line
    /// whose words before the position are bound to it by a particle (의, 이자, 는…), or a bracket that names no position.
    /// </summary>
    [Theory]
    [InlineData("그를 만난 것은 십 년 전이다.\n\n그는 서울대 교수다.", "그를 만난 것은 십 년 전이다. 그는 서울대 교수다.")]
    [InlineData("그를 만난 것은 십 년 전이다.\n\n우리 모두의 선생님이자 교수", "그를 만난 것은 십 년 전이다. 우리 모두의 선생님이자 교수")]
    [InlineData("그를 만난 것은 십 년 전이다.\n\n그는 끝까지 교수", "그를 만난 것은 십 년 전이다. 그는 끝까지 교수")]
    [InlineData("그를 만난 것은 십 년 전이다.\n\n홍길동 서울대 교수가 말했다", "그를 만난 것은 십 년 전이다. 홍길동 서울대 교수가 말했다")]
    [InlineData("日本経済の再生には構造改革が欠かせない。\n\n（東京オリンピック・パラリンピック）", "日本経済の再生には構造改革が欠かせない。（東京オリンピック・パラリンピック）")]
    public void A_last_paragraph_that_only_ends_with_a_position_stays(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Theory]
    // In a sentence, or not at the end, such words are the article's (a source line above the lead is a byline:
    // ExcerptBylineTests).
    [InlineData("他说，本文来自一位读者的来信。", "他说，本文来自一位读者的来信。")]
    [InlineData("本文来自一位读者的来信，他这样写道。\n\n专家表示，物价总体保持平稳。", "本文来自一位读者的来信，他这样写道。专家表示，物价总体保持平稳。")]
    [InlineData("专家表示，数据来源：国家统计局。", "专家表示，数据来源：国家统计局。")]
    [InlineData("Reporting by our team continues.\n\nThe Federal Reserve held rates steady.", "Reporting by our team continues. The Federal Reserve held rates steady.")]
    [InlineData("市場は（山田太郎）氏の発言に注目した。", "市場は（山田太郎）氏の発言に注目した。")]
    public void Words_of_a_source_inside_the_article_stay(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Theory]
    [InlineData("他說：「這件事由編輯決定。」（編輯部觀點）", "他說：「這件事由編輯決定。」（編輯部觀點）")]
    [InlineData("（編輯：李四）", "（編輯：李四）")]
    [InlineData("讀者來信請寄編輯：李四收。", "讀者來信請寄編輯：李四收。")]
    [InlineData("両社は開発を進める（共同）", "両社は開発を進める（共同）")]
    [InlineData("（共同）", "（共同）")]
    [InlineData("문의는 hong@yna.co.kr로 하면 된다.", "문의는 hong@yna.co.kr로 하면 된다.")]
    [InlineData("Write to jane@example.com for details", "Write to jane@example.com for details")]
    public void Text_that_only_mentions_an_editor_stays(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>
    /// Review: the platform disclaimer the reference article ends with left a short article's excerpt only after a
    /// thematic break: as the last paragraph, as the seed writes it and many sites paste it, it ended the excerpt
    /// ("阿里雲今天發布新模型。本文僅代表作者觀點，不代表本平台立場。").
    /// </summary>
    [Theory]
    [InlineData("阿里雲今天發布新模型。\n\n本文僅代表作者觀點，不代表本平台立場。", "阿里雲今天發布新模型。")]
    [InlineData("阿里雲今天發布新模型。\n\n*本文僅代表作者個人觀點，不代表本平台立場。*", "阿里雲今天發布新模型。")]
    [InlineData("阿里雲今天發布新模型。\n\n免責聲明：本文內容僅供參考，不構成投資建議。", "阿里雲今天發布新模型。")]
    [InlineData("阿里云今天发布新模型。\n\n声明：本文由入驻作者编辑撰写，除官方账号外，观点仅代表作者本人，不代表本平台立场。", "阿里云今天发布新模型。")]
    [InlineData("台積電股價今天上漲。\n\n投資有風險，本文內容不代表任何投資建議。", "台積電股價今天上漲。")]
    [InlineData("台積電股價今天上漲。\n\n本文僅供參考，不構成投資建議。\n\n（編輯：李四）", "台積電股價今天上漲。")]
    [InlineData("台積電股價今天上漲。\n\n版權聲明：本文為原創，轉載請註明出處。", "台積電股價今天上漲。")]
    [InlineData("Apple unveiled the iPhone 17 today.\n\nDisclaimer: the author holds no shares in Apple.", "Apple unveiled the iPhone 17 today.")]
    [InlineData("Apple unveiled the iPhone 17 today.\n\nThe views expressed in this article are the author's own.", "Apple unveiled the iPhone 17 today.")]
    [InlineData("阿里云今天发布新模型。\n\n文中观点仅代表作者本人。", "阿里云今天发布新模型。")]
    [InlineData("台積電股價今天上漲。\n\n【版權聲明】本文版權歸原作者所有。", "台積電股價今天上漲。")]
    [InlineData("Apple unveiled the iPhone 17 today.\n\n© 2026 The Example Times. All rights reserved.", "Apple unveiled the iPhone 17 today.")]
    [InlineData("Apple unveiled the iPhone 17 today.\n\nCopyright 2026 Example Media Group", "Apple unveiled the iPhone 17 today.")]
    [InlineData("Apple unveiled the iPhone 17 today.\n\nDisclaimer: The views and opinions expressed in this article are those of the author and do not necessarily reflect the official policy or position of the publisher or its editors.",
        "Apple unveiled the iPhone 17 today.")]
    public void A_disclaimer_ending_an_article_is_not_in_the_excerpt(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Theory]
    [InlineData("本文僅代表作者觀點，不代表本平台立場。", "本文僅代表作者觀點，不代表本平台立場。")]
    [InlineData("平台聲明不代表本平台立場的文章將被下架。\n\n此後將逐步執行。", "平台聲明不代表本平台立場的文章將被下架。此後將逐步執行。")]
    [InlineData("分析師說，這份報告僅供參考。", "分析師說，這份報告僅供參考。")]
    [InlineData("總統府稍晚發表聲明。\n\n聲明：「我們對此深表遺憾。」", "總統府稍晚發表聲明。聲明：「我們對此深表遺憾。」")]
    [InlineData("The court ruled on Tuesday.\n\nCopyright law protects such works for 70 years.", "The court ruled on Tuesday. Copyright law protects such works for 70 years.")]
    [InlineData("The court ruled on Tuesday.\n\nThe publisher said all rights reserved by the author would return to her.", "The court ruled on Tuesday. The publisher said all rights reserved by the author would return to her.")]
    // Review: a closing sentence that says what something stands for only its author was taken for a disclaimer.
    [InlineData("新書引發爭議。\n\n出版社表示，書中內容僅代表作者個人經歷，與出版社無關。", "新書引發爭議。出版社表示，書中內容僅代表作者個人經歷，與出版社無關。")]
    // A last paragraph of the article that quotes a disclaimer's words, or mentions them in a paragraph longer than a
    // disclaimer, was taken for one and left the excerpt.
    [InlineData("金管會公布新規。\n\n金管會表示，網紅推薦個股時即使在文末標註「不構成投資建議」，仍可能觸法。", "金管會公布新規。金管會表示，網紅推薦個股時即使在文末標註「不構成投資建議」，仍可能觸法。")]
    // Review: only the character right before the words was looked at, so words quoted with more inside the quotes went.
    [InlineData("金管會公布新規。\n\n金管會表示，網紅即使在文末標註「本文不構成投資建議」，仍可能觸法。", "金管會公布新規。金管會表示，網紅即使在文末標註「本文不構成投資建議」，仍可能觸法。")]
    [InlineData("金管會公布新規。\n\n業者常寫「僅供參考，不構成投資建議」了事。", "金管會公布新規。業者常寫「僅供參考，不構成投資建議」了事。")]
    [InlineData("金管會公布新規。\n\n他把《不構成投資建議》印在每頁。", "金管會公布新規。他把《不構成投資建議》印在每頁。")]
    [InlineData("報社慶祝創刊七十週年。\n\n" + LongLastParagraph, "報社慶祝創刊七十週年。" + LongLastParagraph)]
    public void A_disclaimer_that_is_all_the_text_or_not_at_its_end_stays(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>A last paragraph of news that says the paper's stand in its first sentence, longer than any disclaimer.</summary>
    private const string LongLastParagraph =
        "社長今天在酒會上致詞時坦言，專欄作者的意見不代表本報立場，但報社始終相信，讓不同觀點在版面上交鋒，正是一份報紙對讀者的責任；" +
        "他也宣布，明年起將增設讀者投書專區，邀請各界人士撰寫評論，並將每月舉辦一場公開座談，讓更多不同的聲音被聽見。與會的歷任總編輯也分享了報社在戒嚴時期堅持報導的往事。";
}
