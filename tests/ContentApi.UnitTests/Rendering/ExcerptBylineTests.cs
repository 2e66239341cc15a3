namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// A byline on the first line of the lead paragraph, the lead on the next (a probe's editor pasted it so): the
/// paragraph's lines were joined before the byline was looked for, so the whole joined lead was dropped as a byline
/// ("作者 | 王小明⏎行政院…" gave an empty excerpt), or kept with the byline when the lead was long.
/// </summary>
public sealed class ExcerptBylineTests
{
    private static string Excerpt(string markdown) => DerivedExcerpt.Of(markdown);

    [Theory]
    [InlineData("作者 | 王小明\r\n行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("作者：王小明\n行政院今天通過法案。\n\n第二段。", "行政院今天通過法案。第二段。")]
    [InlineData("By: Jane Doe\nThe government passed the bill.\n\nSecond paragraph.", "The government passed the bill. Second paragraph.")]
    [InlineData("By Jane Doe, Reuters\nThe government passed the bill.", "The government passed the bill.")]
    [InlineData("編譯／王小明\n行政院今天通過法案。", "行政院今天通過法案。")]
    // Persian, Hebrew and Hindi bylines, as Arabic's "بقلم:" (RTL and Indic review: the writer's name opened the excerpt).
    [InlineData("نویسنده: مریم احمدی\n\nشرکت علی‌بابا مدل تازه‌ای معرفی کرد.", "شرکت علی‌بابا مدل تازه‌ای معرفی کرد.")]
    [InlineData("מאת: דנה כהן\n\nהחברה הכריזה היום על מודל חדש.", "החברה הכריזה היום על מודל חדש.")]
    [InlineData("लेखक: राहुल शर्मा\n\nकंपनी ने आज नया मॉडल जारी किया।", "कंपनी ने आज नया मॉडल जारी किया।")]
    [InlineData("بقلم: أحمد المصري\n\nأعلنت الشركة اليوم إطلاق نموذجها الجديد.", "أعلنت الشركة اليوم إطلاق نموذجها الجديد.")]
    public void A_byline_line_at_the_top_of_the_lead_paragraph_is_left_out_and_the_lead_kept(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>Writer and editor: the editor's line was the excerpt, or (lead joined to it) all of it was dropped (review).</summary>
    [Theory]
    [InlineData("作者 | 王小明\n編輯 | 李四\n行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("作者 | 王小明\n\n編輯 | 李四\n行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("作者 | 王小明\n\n編輯 | 李四\n\n行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("By Jane Doe\nEditor: John Roe\nThe government passed the bill.", "Editor: John Roe The government passed the bill.")]
    public void Each_byline_line_opening_the_article_is_left_out(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>After a byline, only a label and names are another one: an interview's question was dropped (review).</summary>
    [Theory]
    [InlineData("作者｜王小明\n記者：你怎麼看這次的選舉結果？\n李四：我認為民眾要的是改變。", "記者：你怎麼看這次的選舉結果？李四：我認為民眾要的是改變。")]
    [InlineData("作者｜王小明\n\n文：這段說明我們為什麼要寫這篇文章。\n\n正文開始。", "文：這段說明我們為什麼要寫這篇文章。正文開始。")]
    [InlineData("By Jane Doe\nBy: the numbers, it was a good year.\nSales rose.", "By: the numbers, it was a good year. Sales rose.")]
    [InlineData("作者｜王小明\n攝影｜張三\n行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("文 | 王小明\n图 | 李四\n\n国家统计局今天发布数据。", "国家统计局今天发布数据。")]
    [InlineData("文／王小明\n圖／李四\n\n行政院今天通過法案。", "行政院今天通過法案。")]
    public void After_a_byline_a_line_that_only_starts_like_one_stays(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>
    /// A byline ended by a &lt;br&gt;, as HTML converted to Markdown writes its lines ("作者｜王小明&lt;br&gt;行政院…"), was read
    /// with the lead's first line as one byline line, and both were left out: the excerpt started at the lead's second
    /// line (review).
    /// </summary>
    [Theory]
    [InlineData("作者｜王小明<br>行政院今天宣布新政策，\n將送立法院審議。", "行政院今天宣布新政策，將送立法院審議。")]
    [InlineData("文／王小明<br/>行政院今天宣布新政策，\n將送立法院審議。", "行政院今天宣布新政策，將送立法院審議。")]
    [InlineData("作者｜王小明<br>\n行政院今天宣布新政策，\n將送立法院審議。", "行政院今天宣布新政策，將送立法院審議。")]
    [InlineData("作者｜王小明<BR>編輯｜李四<br>行政院今天宣布新政策，\n將送立法院審議。", "行政院今天宣布新政策，將送立法院審議。")]
    [InlineData("記者王小明／台北報導<br>行政院今天宣布新政策，\n將送立法院審議。", "行政院今天宣布新政策，將送立法院審議。")]
    [InlineData("By Jane Doe<br>The government passed\nthe bill.", "The government passed the bill.")]
    public void A_byline_ended_by_a_br_is_left_out_as_one_on_its_own_line(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Fact]
    public void A_long_lead_after_a_byline_line_loses_only_the_byline()
    {
        const string lead = "行政院今天召開院會，通過能源轉型條例草案，將送立法院審議，各界對此仍有疑慮。";
        Assert.Equal(lead + lead, Excerpt("作者 | 王小明\n" + lead + lead));
    }

    /// <summary>A Chinese paper's reporter line, the paper and "记者" before the names, stayed at the start of the excerpt (probe).</summary>
    [Theory]
    [InlineData("澎湃新闻记者 王小明\n\n国家统计局今天发布数据。")]
    [InlineData("新京报记者 王小明 李四\n国家统计局今天发布数据。")]
    [InlineData("本报记者 王小明 实习生 李四\n\n国家统计局今天发布数据。")]
    [InlineData("記者 王小明\n\n国家统计局今天发布数据。")]
    [InlineData("□本报记者 王小明\n\n国家统计局今天发布数据。")]
    [InlineData("■新京报记者 王小明\n\n国家统计局今天发布数据。")]
    public void A_reporter_line_without_a_label_is_left_out(string markdown) =>
        Assert.Equal("国家统计局今天发布数据。", Excerpt(markdown));

    /// <summary>
    /// What pages put above the lead and editors paste with it, each on a line of its own, opened the excerpt (probe): a
    /// timestamp, a byline with its date after a bar, a Taiwanese paper's name before the reporter's byline, a source line.
    /// </summary>
    [Theory]
    [InlineData("Updated Dec 4, 2025, 10:00 a.m. ET\n\nThe Federal Reserve held rates.", "The Federal Reserve held rates.")]
    [InlineData("By Jane Doe | December 4, 2025\n\nThe Federal Reserve held rates.", "The Federal Reserve held rates.")]
    [InlineData("更新時間：2025/12/04 10:00\n\n台積電今天宣布擴產。", "台積電今天宣布擴產。")]
    [InlineData("2025年12月4日 10:00 (2025年12月4日 12:30更新)\n\n日銀は政策金利を据え置いた。", "日銀は政策金利を据え置いた。")]
    [InlineData("聯合報／ 記者王小明／台北即時報導\n\n台積電今天宣布擴產。", "台積電今天宣布擴產。")]
    [InlineData("来源：新华社\n\n国家统计局4日发布数据。", "国家统计局4日发布数据。")]
    // Several reporters, a full-width bar, the outlet before 記者, the CNA's dateline without its brackets, a repost's
    // original title and source, CNN's timestamp (probe: each opened the excerpt).
    [InlineData("記者王小明、李大同/台北報導\n\n台積電今天宣布擴產。", "台積電今天宣布擴產。")]
    [InlineData("記者王小明 李大同／台北報導\n\n台積電今天宣布擴產。", "台積電今天宣布擴產。")]
    [InlineData("記者王小明｜台北報導\n\n台積電今天宣布擴產。", "台積電今天宣布擴產。")]
    [InlineData("ETtoday新聞雲記者王小明／台北報導\n\n台積電今天宣布擴產。", "台積電今天宣布擴產。")]
    [InlineData("中央社記者王小明台北7日電\n\n台積電今天宣布擴產。", "台積電今天宣布擴產。")]
    [InlineData("原标题：人工智能改变新闻\n\n国家统计局4日发布数据。", "国家统计局4日发布数据。")]
    [InlineData("本文来源：澎湃新闻\n\n国家统计局4日发布数据。", "国家统计局4日发布数据。")]
    [InlineData("Published 5:00 PM EST, Mon December 7, 2026\n\nThe Federal Reserve held rates.", "The Federal Reserve held rates.")]
    public void A_timestamp_or_source_line_opening_the_article_is_left_out(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Theory]
    [InlineData("来源：根据国家统计局的数据，物价平稳。\n\n国家统计局4日发布数据。", "来源：根据国家统计局的数据，物价平稳。国家统计局4日发布数据。")]
    [InlineData("December 4, 2025 was a cold day in Washington.", "December 4, 2025 was a cold day in Washington.")]
    [InlineData("原标题里的错字已经改正。\n\n国家统计局4日发布数据。", "原标题里的错字已经改正。国家统计局4日发布数据。")]
    public void A_line_that_only_starts_like_a_timestamp_or_source_stays(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Theory]
    [InlineData("记者会见现场气氛热烈。\n\n国家统计局今天发布数据。", "记者会见现场气氛热烈。国家统计局今天发布数据。")]
    [InlineData("记者王小明今天在北京报道。", "记者王小明今天在北京报道。")]
    [InlineData("记者节快乐\n\n国家统计局今天发布数据。", "记者节快乐 国家统计局今天发布数据。")]
    [InlineData("記者會上，王小明說明了計畫。", "記者會上，王小明說明了計畫。")]
    [InlineData("記者王小明、李大同今天在台北採訪。", "記者王小明、李大同今天在台北採訪。")]
    public void A_sentence_about_reporters_stays(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Fact]
    public void A_byline_line_in_a_later_paragraph_stays() =>
        Assert.Equal("行政院今天通過法案。作者：王小明補充說明。", Excerpt("行政院今天通過法案。\n\n作者：王小明\n補充說明。"));

    [Theory]
    [InlineData("（中央社記者王小明台北1日電）行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("【記者王小明／台北報導】行政院今天通過法案。", "行政院今天通過法案。")]
    // The Liberty Times brackets its dateline in tortoise-shell brackets, with a reporter or a desk (probe: kept).
    [InlineData("〔記者王小明／台北報導〕行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("〔即時新聞／綜合報導〕行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("[서울=연합뉴스] 홍길동 기자 = 정부가 오늘 법안을 통과시켰다.", "정부가 오늘 법안을 통과시켰다.")]
    [InlineData("[서울=연합뉴스] 정부가 오늘 법안을 통과시켰다.", "정부가 오늘 법안을 통과시켰다.")]
    [InlineData("【ワシントン＝山田太郎】米政府は１日、法案を可決した。", "米政府は１日、法案を可決した。")]
    // Yonhap's and News1's own parentheses, Xinhua's and Chinese papers' datelines (CJK probe: kept in the excerpt).
    [InlineData("(서울=연합뉴스) 홍길동 기자 = 정부가 오늘 법안을 통과시켰다.", "정부가 오늘 법안을 통과시켰다.")]
    [InlineData("(서울=뉴스1) 홍길동 기자 = 정부가 오늘 법안을 통과시켰다.", "정부가 오늘 법안을 통과시켰다.")]
    [InlineData("新华社北京10月4日电（记者李明）国家统计局4日发布数据。", "国家统计局4日发布数据。")]
    [InlineData("新华社华盛顿10月3日电 国家统计局4日发布数据。", "国家统计局4日发布数据。")]
    [InlineData("中新网北京10月4日电 (记者 李明)国家统计局4日发布数据。", "国家统计局4日发布数据。")]
    [InlineData("本报讯（记者 李明）国家统计局4日发布数据。", "国家统计局4日发布数据。")]
    // The CNA's dateline without a reporter, and for its roundups of foreign news; Kyodo's and Jiji's, which name the
    // agency after the place with no equals sign (CJK probe: kept in the excerpt).
    [InlineData("（中央社台北5日電）行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("（中央社華盛頓5日綜合外電報導）美國國會今天通過法案。", "美國國會今天通過法案。")]
    [InlineData("【ワシントン共同】米政府は１日、法案を可決した。", "米政府は１日、法案を可決した。")]
    [InlineData("【北京時事】中国政府は１日、法案を可決した。", "中国政府は１日、法案を可決した。")]
    // A bracketed report with its reporter, a news site's "消息：", an agency's Japanese edition (CJK review: kept).
    [InlineData("【环球时报报道 记者 李明】国家统计局4日发布数据。", "国家统计局4日发布数据。")]
    [InlineData("人民网北京10月4日电 （记者李明）国家统计局4日发布数据。", "国家统计局4日发布数据。")]
    [InlineData("央视网消息：国家统计局4日发布数据。", "国家统计局4日发布数据。")]
    [InlineData("【東京＝山田太郎】政府は１日、法案を閣議決定した。", "政府は１日、法案を閣議決定した。")]
    [InlineData("（ソウル＝聯合ニュース）韓国政府は１日、法案を可決した。", "韓国政府は１日、法案を可決した。")]
    [InlineData("【홍콩=홍길동 특파원】 중국 정부가 오늘 법안을 통과시켰다.", "중국 정부가 오늘 법안을 통과시켰다.")]
    // Probe, kept in the excerpt: Korean papers' bracketed reporter ("[이데일리 김철수 기자]"), Newsis' older 【】 with the
    // reporter after it (the reporter was left), Reuters' Japanese edition, the English wires', foreign agencies in
    // Chinese, and a Taiwanese desk's report in 【】.
    [InlineData("[이데일리 김철수 기자] 삼성전자가 5일 새 반도체를 발표했다.", "삼성전자가 5일 새 반도체를 발표했다.")]
    [InlineData("[아이뉴스24 김철수 기자] 삼성전자가 5일 새 반도체를 발표했다.", "삼성전자가 5일 새 반도체를 발표했다.")]
    [InlineData("[헤럴드경제=김철수 기자] 삼성전자가 5일 새 반도체를 발표했다.", "삼성전자가 5일 새 반도체를 발표했다.")]
    [InlineData("【서울=뉴시스】김철수 기자 = 삼성전자가 5일 새 반도체를 발표했다.", "삼성전자가 5일 새 반도체를 발표했다.")]
    [InlineData("［東京　２日　ロイター］ - 日銀は２日、政策金利を据え置いた。", "日銀は２日、政策金利を据え置いた。")]
    [InlineData("[東京 2日 ロイター] - 日銀は2日、政策金利を据え置いた。", "日銀は2日、政策金利を据え置いた。")]
    [InlineData("WASHINGTON, Dec 4 (Reuters) - The Federal Reserve held rates steady.", "The Federal Reserve held rates steady.")]
    [InlineData("WASHINGTON (AP) — The Federal Reserve held rates steady.", "The Federal Reserve held rates steady.")]
    [InlineData("NEW YORK, Dec. 4 (AFP) – Stocks rose on Wednesday.", "Stocks rose on Wednesday.")]
    [InlineData("（路透社華盛頓4日電）美國聯準會今天維持利率不變。", "美國聯準會今天維持利率不變。")]
    [InlineData("（法新社巴黎4日電）法國政府今天宣布新政策。", "法國政府今天宣布新政策。")]
    [InlineData("【財經中心／台北報導】台積電今天宣布擴產。", "台積電今天宣布擴產。")]
    // The Arabic wires' datelines, as Reuters' and AFP's English ones, and PTI-Bhasha's and IANS' Hindi ones (RTL and
    // Indic review: kept in the excerpt).
    [InlineData("القاهرة (رويترز) - أعلنت الشركة اليوم إطلاق نموذجها الجديد.", "أعلنت الشركة اليوم إطلاق نموذجها الجديد.")]
    [InlineData("دبي، 5 ديسمبر (رويترز) - أعلنت الشركة اليوم إطلاق نموذجها الجديد.", "أعلنت الشركة اليوم إطلاق نموذجها الجديد.")]
    [InlineData("باريس (أ ف ب) - أعلنت الحكومة الفرنسية اليوم خطة جديدة.", "أعلنت الحكومة الفرنسية اليوم خطة جديدة.")]
    [InlineData("بيروت (أ.ف.ب) – أعلنت الحكومة اللبنانية اليوم خطة جديدة.", "أعلنت الحكومة اللبنانية اليوم خطة جديدة.")]
    [InlineData("नई दिल्ली, 5 दिसंबर (भाषा) कंपनी ने आज नया मॉडल जारी किया।", "कंपनी ने आज नया मॉडल जारी किया।")]
    [InlineData("मुंबई, ५ दिसंबर (आईएएनएस)। कंपनी ने आज नया मॉडल जारी किया।", "कंपनी ने आज नया मॉडल जारी किया।")]
    // Several reporters in the Liberty Times' and the CNA's datelines, bracketed 訊 datelines, CNN's outlet alone, a
    // place of two words and a dash, a mixed-case place before an agency, EFE's (probe: each opened the excerpt).
    [InlineData("〔記者王小明、李大同／台北報導〕行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("（中央社記者王小明、李大同台北7日電）行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("【大紀元2026年12月07日訊】行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("【明報專訊】行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("【本報訊】行政院今天通過法案。", "行政院今天通過法案。")]
    [InlineData("(CNN) — Artificial intelligence is changing newsrooms.", "Artificial intelligence is changing newsrooms.")]
    [InlineData("NEW YORK — Artificial intelligence is changing newsrooms.", "Artificial intelligence is changing newsrooms.")]
    [InlineData("Berlin (dpa) - Die Regierung hat das Gesetz verabschiedet.", "Die Regierung hat das Gesetz verabschiedet.")]
    [InlineData("MADRID, 7 dic (EFE).- El Gobierno aprobó la ley.", "El Gobierno aprobó la ley.")]
    // Thai wires' datelines, as the Arabic ones, and a Vietnamese paper's name in brackets opening the lead (multilingual
    // review: each opened the excerpt; Vietnamese typed decomposed too).
    [InlineData("กรุงเทพฯ (รอยเตอร์) - กรมอุตุนิยมวิทยาประกาศเตือนฝนตกหนัก", "กรมอุตุนิยมวิทยาประกาศเตือนฝนตกหนัก")]
    [InlineData("วอชิงตัน 7 ธ.ค. (เอเอฟพี) - ธนาคารกลางสหรัฐคงอัตราดอกเบี้ย", "ธนาคารกลางสหรัฐคงอัตราดอกเบี้ย")]
    [InlineData("(Dân trí) - Tuyến đường sắt Cát Linh - Hà Đông đạt 50 triệu lượt khách.", "Tuyến đường sắt Cát Linh - Hà Đông đạt 50 triệu lượt khách.")]
    [InlineData("(Da\u0302n tri\u0301) - Tuye\u0302\u0301n đu\u031Bo\u031B\u0300ng sa\u0306\u0301t Ca\u0301t Linh - Ha\u0300 Đo\u0302ng đa\u0323t 50 trie\u0323\u0302u lu\u031Bo\u031B\u0323t kha\u0301ch.", "Tuye\u0302\u0301n đu\u031Bo\u031B\u0300ng sa\u0306\u0301t Ca\u0301t Linh - Ha\u0300 Đo\u0302ng đa\u0323t 50 trie\u0323\u0302u lu\u031Bo\u031B\u0323t kha\u0301ch.")]
    [InlineData("(VnExpress) – Giá xăng RON 95 giảm 500 đồng mỗi lít.", "Giá xăng RON 95 giảm 500 đồng mỗi lít.")]
    [InlineData("(NLĐO)- Giá xăng RON 95 giảm 500 đồng mỗi lít.", "Giá xăng RON 95 giảm 500 đồng mỗi lít.")]
    [InlineData("(Chinhphu.vn) - Thủ tướng ký quyết định mới.", "Thủ tướng ký quyết định mới.")]
    public void A_dateline_the_lead_runs_on_from_is_left_out(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Theory]
    [InlineData("（圖為資料照）行政院今天通過法案。")]
    [InlineData("【獨家】行政院今天通過法案。")]
    [InlineData("[속보] 정부가 오늘 법안을 통과시켰다.")]
    [InlineData("【E＝mc²】アインシュタインの式は有名だ。")]
    [InlineData("(참고=연합뉴스 DB) 정부가 오늘 법안을 통과시켰다.")]
    [InlineData("新华社是国家通讯社。")]
    [InlineData("【共同】声明を発表した。")]
    [InlineData("（中央社資料照）行政院今天通過法案。")]
    [InlineData("[단독] 삼성전자가 5일 새 반도체를 발표했다.")]
    [InlineData("NASA — the space agency — said on Tuesday it would delay the launch.")]
    [InlineData("LONDON — The Bank of England held rates steady.")]
    [InlineData("[기자수첩] 반도체 전쟁의 승자는 누구인가.")]
    [InlineData("قالت الوزارة (رويترز) إن الشركة أطلقت نموذجها الجديد.")]
    [InlineData("कंपनी ने (भाषा) को बताया कि नया मॉडल जारी किया गया।")]
    [InlineData("NEW YORK is a city that never sleeps.")]
    [InlineData("SAN FRANCISCO — the city by the bay — voted on Tuesday.")]
    [InlineData("本報訊息指出，行政院今天通過法案。")]
    [InlineData("【快訊】行政院今天通過法案。")]
    [InlineData("(Ảnh minh họa) Hành khách trên tàu điện.")]
    [InlineData("(Dân trí) là báo điện tử.")]
    [InlineData("(Updated) - the lead goes on in lowercase.")]
    [InlineData("(A) - Option one is cheaper.")]
    [InlineData("กรุงเทพฯ (ภาพ) - ฝนตกหนัก")]
    [InlineData("ฝนตกหนัก (รอยเตอร์) รายงาน")]
    public void A_bracketed_opening_that_is_no_dateline_stays(string markdown) =>
        Assert.Equal(markdown, Excerpt(markdown));

    /// <summary>
    /// Japanese and Korean papers' datelines the probe of h221 found opening the excerpt: the Mainichi's, which writes the
    /// reporter right after a katakana place and after a dot after a kanji one; the Nikkei's with two reporters; Bloomberg's
    /// Japanese edition's; Dailian's, with spaces around its equals sign; and a Korean paper's name alone in brackets.
    /// </summary>
    [Theory]
    [InlineData("【ワシントン秋山信一】米政府は１日、法案を可決した。", "米政府は１日、法案を可決した。")]
    [InlineData("【ニューヨーク八田浩輔】米株式市場は大幅に反発した。", "米株式市場は大幅に反発した。")]
    [InlineData("【台北・林哲平】台湾の立法院は１日、法案を可決した。", "台湾の立法院は１日、法案を可決した。")]
    [InlineData("【ワシントン＝飛田臨太郎、赤木俊介】米政府は１日、法案を可決した。", "米政府は１日、法案を可決した。")]
    [InlineData("【パリ＝山田太郎、ロンドン＝佐藤花子】欧州連合は１日、法案を可決した。", "欧州連合は１日、法案を可決した。")]
    [InlineData("（ブルームバーグ）： 米連邦準備制度理事会は２日、政策金利を据え置いた。", "米連邦準備制度理事会は２日、政策金利を据え置いた。")]
    [InlineData("[데일리안 = 홍길동 기자] 삼성전자가 5일 새 반도체를 발표했다.", "삼성전자가 5일 새 반도체를 발표했다.")]
    [InlineData("[파이낸셜뉴스] 삼성전자가 5일 새 반도체를 발표했다.", "삼성전자가 5일 새 반도체를 발표했다.")]
    [InlineData("[서울경제] 삼성전자가 5일 새 반도체를 발표했다.", "삼성전자가 5일 새 반도체를 발표했다.")]
    public void A_Japanese_or_Korean_papers_dateline_is_left_out(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    /// <summary>Labels in the same brackets name no place and reporter, and stay.</summary>
    [Theory]
    [InlineData("【ウクライナ侵攻】ロシア軍は１日、攻撃を再開した。")]
    [InlineData("【パリ五輪速報】日本は金メダルを獲得した。")]
    [InlineData("【独自】政府は１日、法案を閣議決定した。")]
    [InlineData("【トランプ大統領】米政府は１日、関税を発表した。")]
    [InlineData("【ガザ停戦合意】イスラエル軍は１日、撤収を始めた。")]
    [InlineData("【ロシア大統領選】投票が１日、始まった。")]
    [InlineData("【ノーベル賞発表】今年の物理学賞が決まった。")]
    [InlineData("【日米・首脳会談】両首脳は１日、共同声明を出した。")]
    [InlineData("【衆院選・開票速報】各党の獲得議席が判明した。")]
    [InlineData("[기자수첩] 반도체 전쟁의 승자는 누구인가.")]
    [InlineData("[오늘의 뉴스] 정부가 오늘 법안을 통과시켰다.")]
    [InlineData("[오늘의뉴스] 정부가 오늘 법안을 통과시켰다.")]
    [InlineData("[세계경제] 미국 연준이 금리를 동결했다.")]
    [InlineData("[글로벌경제] 미국 연준이 금리를 동결했다.")]
    [InlineData("[경제뉴스] 코스피가 5일 상승 마감했다.")]
    public void A_Japanese_or_Korean_label_in_brackets_stays(string markdown) =>
        Assert.Equal(markdown, Excerpt(markdown));

    [Theory]
    [InlineData("Lead paragraph here.\n\n[![Alt](image:1)](https://x.com/full.jpg)\nPhoto: Reuters\n\nSecond paragraph.", "Lead paragraph here. Second paragraph.")]
    [InlineData("導語說明事件經過。\n\n[![](image:1)](https://x.com/full.jpg)\n圖源:ifanr\n\n第二段內容。", "導語說明事件經過。第二段內容。")]
    public void The_label_of_a_linked_figure_is_left_out_as_a_bare_ones_is(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Theory]
    [InlineData("Door County Approves New Budget\n\nThe county board voted on Tuesday.")]
    [InlineData("Von Miller Signs Extension\n\nThe linebacker agreed to terms.")]
    [InlineData("Par Avion Vers Paris\n\nLe vol est parti.")]
    public void A_title_case_first_line_starting_with_a_foreign_by_stays(string markdown) =>
        Assert.StartsWith(markdown[..markdown.IndexOf('\n', StringComparison.Ordinal)], Excerpt(markdown), StringComparison.Ordinal);

    /// <summary>A German, French, Spanish or Portuguese and Italian byline on a line of its own opened the excerpt (probe).</summary>
    [Theory]
    [InlineData("Von Jane Doe\n\nDie Regierung hat das Gesetz verabschiedet.", "Die Regierung hat das Gesetz verabschiedet.")]
    [InlineData("Par Jeanne Dupont\n\nLe gouvernement a adopté la loi.", "Le gouvernement a adopté la loi.")]
    [InlineData("Por Juan Pérez\n\nEl Gobierno aprobó la ley.", "El Gobierno aprobó la ley.")]
    [InlineData("di Mario Rossi\n\nIl governo ha approvato la legge.", "Il governo ha approvato la legge.")]
    [InlineData("Por Juan Pérez y María García\n\nEl Gobierno aprobó la ley.", "El Gobierno aprobó la ley.")]
    public void A_foreign_byline_on_a_line_of_its_own_is_left_out(string markdown, string excerpt) =>
        Assert.Equal(excerpt, Excerpt(markdown));

    [Theory]
    [InlineData("Par ailleurs, la rédaction a changé.\n\nLe gouvernement a adopté la loi.")]
    [InlineData("Por eso cambia la ley.\n\nEl Gobierno aprobó la ley.")]
    [InlineData("Von Anfang an war klar, dass es schwierig wird.\n\nDie Regierung hat das Gesetz verabschiedet.")]
    [InlineData("Por Favor\n\nEl Gobierno aprobó la ley.")]
    [InlineData("Par Avion\n\nLe vol est parti.")]
    [InlineData("Por Qué Importa\n\nEl Gobierno aprobó la ley.")]
    public void A_first_line_that_only_starts_like_a_foreign_byline_stays(string markdown) =>
        Assert.StartsWith(markdown[..markdown.IndexOf('\n', StringComparison.Ordinal)], Excerpt(markdown), StringComparison.Ordinal);
}
