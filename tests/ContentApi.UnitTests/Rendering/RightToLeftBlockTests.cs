using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Review: an Arabic or Hebrew paragraph in a Chinese article rendered as a plain p, laid out left to right by the
/// page's direction, so its sentence-final punctuation landed at the wrong end. GitHub writes dir="auto" on its blocks.
/// </summary>
public sealed class RightToLeftBlockTests
{
    private static string Html(string markdown) => MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage>()).Html;

    [Theory]
    [InlineData("台積電今天宣布擴產。\n\nقالت الشركة إنها ستبني مصنعًا جديدًا.", "<p>台積電今天宣布擴產。</p>\n<p dir=\"rtl\">قالت الشركة إنها ستبني مصنعًا جديدًا.</p>")]
    [InlineData("## כותרת בעברית", "<h2 id=\"user-content-1-כותרת-בעברית\" dir=\"rtl\">כותרת בעברית</h2>")]
    [InlineData("> שלום עולם.", "<blockquote dir=\"rtl\">\n<p dir=\"rtl\">שלום עולם.</p>\n</blockquote>")]
    [InlineData("- 中文\n- עברית.", "<ul dir=\"ltr\">\n<li>中文</li>\n<li dir=\"rtl\">עברית.</li>\n</ul>")]
    [InlineData("- 中文\n\n- עברית.", "<ul dir=\"ltr\">\n<li><p>中文</p>\n</li>\n<li><p dir=\"rtl\">עברית.</p>\n</li>\n</ul>")]
    public void A_block_holding_right_to_left_letters_takes_its_direction_from_its_text(string markdown, string html) =>
        Assert.Equal(html, Html(markdown));

    [Fact]
    public void A_table_cell_holding_right_to_left_letters_takes_its_direction_from_its_text() =>
        Assert.Contains("<td dir=\"rtl\">مرحبا.</td>", Html("| 語言 | 問候 |\n| --- | --- |\n| 阿拉伯語 | مرحبا. |"), StringComparison.Ordinal);

    /// <summary>
    /// Review: an Arabic table's cells had dir="rtl" but its table none, so its columns still ran left to right (the
    /// first column on the left), as a table's column order follows the table's direction, not its cells'. The table
    /// takes its direction from its text, as a blockquote does.
    /// </summary>
    [Theory]
    [InlineData("| اللغة | التحية |\n| --- | --- |\n| العربية | مرحبا. |", "<table dir=\"rtl\">")]
    [InlineData("| 語言 | 問候 |\n| --- | --- |\n| 阿拉伯語 | مرحبا. |", "<table dir=\"ltr\">")]
    [InlineData("| 語言 | 問候 |\n| --- | --- |\n| 中文 | 你好 |", "<table>")]
    public void A_table_holding_right_to_left_letters_takes_its_direction_from_its_text(string markdown, string table) =>
        Assert.StartsWith(table + "\n", Html(markdown), StringComparison.Ordinal);

    /// <summary>
    /// Review: a Chinese paragraph opening with an Arabic or Hebrew quote got dir="auto", so a browser, taking its first
    /// strong letter, laid it out right to left (right-aligned, its 。 on the left); its toc entry had no hint at all.
    /// A block's direction is now its first strong letter outside quotation marks and brackets, written out.
    /// </summary>
    [Theory]
    [InlineData("「السلام عليكم」，阿拉伯聯盟秘書長今天在開羅宣布停火。", "<p dir=\"ltr\">「السلام عليكم」，阿拉伯聯盟秘書長今天在開羅宣布停火。</p>")]
    [InlineData("《هآرتس》報導，以色列內閣今天開會。", "<p dir=\"ltr\">《هآرتس》報導，以色列內閣今天開會。</p>")]
    [InlineData("(شكرا) means thank you.", "<p dir=\"ltr\">(شكرا) means thank you.</p>")]
    [InlineData("- 「שלום」是問候語。\n- 中文", "<ul dir=\"ltr\">\n<li dir=\"ltr\">「שלום」是問候語。</li>\n<li>中文</li>\n</ul>")]
    [InlineData("> 「שלום」是問候語。", "<blockquote dir=\"ltr\">\n<p dir=\"ltr\">「שלום」是問候語。</p>\n</blockquote>")]
    [InlineData("«台積電» قالت الشركة إنها ستبني مصنعًا جديدًا.", "<p dir=\"rtl\">«台積電» قالت الشركة إنها ستبني مصنعًا جديدًا.</p>")]
    [InlineData("\"TSMC\" قالت الشركة إنها ستبني مصنعًا جديدًا.", "<p dir=\"rtl\">\"TSMC\" قالت الشركة إنها ستبني مصنعًا جديدًا.</p>")]
    [InlineData("(رويترز) - “Apple” قالت إنها ستبني مصنعًا.", "<p dir=\"rtl\">(رويترز) - “Apple” قالت إنها ستبني مصنعًا.</p>")]
    [InlineData("「السلام عليكم」", "<p dir=\"rtl\">「السلام عليكم」</p>")]
    public void A_quote_opening_a_block_does_not_decide_its_direction(string markdown, string html) =>
        Assert.Equal(html, Html(markdown));

    [Fact]
    public void A_heading_opening_with_a_quote_and_its_toc_entry_are_left_to_right()
    {
        var rendered = MarkdownRenderer.Render(articleId: 1, "## 「شكرا」的意思\n\n## مرحبا\n\n## 第一章", new Dictionary<long, InlineImage>());

        Assert.Contains("dir=\"ltr\">「شكرا」的意思</h2>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\">مرحبا</h2>", rendered.Html, StringComparison.Ordinal);
        Assert.Equal(["ltr", "rtl", null], rendered.Toc.Select(entry => entry.Dir));
    }

    [Fact]
    public void A_table_cell_opening_with_a_quote_is_left_to_right() =>
        Assert.Contains("<td dir=\"ltr\">「مرحبا」是你好</td>", Html("| 語言 | 問候 |\n| --- | --- |\n| 阿拉伯語 | 「مرحبا」是你好 |"), StringComparison.Ordinal);

    /// <summary>
    /// Review: an Arabic list in a Chinese article had dir="rtl" on its items but none on the list, so the list kept its
    /// indent on the left while each item put its bullet outside on its right, past the column's edge. A list takes its
    /// direction from all its text, as a table and a blockquote do.
    /// </summary>
    [Theory]
    [InlineData("- مصنع جديد في أريزونا\n- استثمار بقيمة ٦٥ مليار دولار", "<ul dir=\"rtl\">\n<li dir=\"rtl\">مصنع")]
    [InlineData("1. מפעל חדש\n2. השקעה של 65 מיליארד דולר", "<ol dir=\"rtl\">\n<li dir=\"rtl\">מפעל")]
    [InlineData("- 中文\n- עברית.", "<ul dir=\"ltr\">\n<li>中文</li>")]
    [InlineData("- 中文\n- English", "<ul>\n<li>中文</li>")]
    public void A_list_holding_right_to_left_letters_takes_its_direction_from_its_text(string markdown, string html) =>
        Assert.StartsWith(html, Html(markdown), StringComparison.Ordinal);

    /// <summary>
    /// Review: a Persian price table's cells of Persian digits alone (۶۸٬۵۰۰) got dir="ltr", so they stood on the left of
    /// their right-to-left columns while every other cell stood on the right. Arabic-Indic digits and Arabic punctuation
    /// are no letters and decide no direction: such a cell takes its table's.
    /// </summary>
    [Theory]
    [InlineData("| کالا | قیمت |\n| --- | --- |\n| دلار | ۶۸٬۵۰۰ |", "<td>۶۸٬۵۰۰</td>")]
    [InlineData("| المنتج | السعر |\n| --- | --- |\n| ذهب | ٣٬٧٥٠ |", "<td>٣٬٧٥٠</td>")]
    [InlineData("| المنتج | السعر |\n| --- | --- |\n| ذهب | ٣٬٧٥٠؟ |", "<td>٣٬٧٥٠؟</td>")]
    public void A_table_cell_of_arabic_digits_alone_takes_its_tables_direction(string markdown, string cell)
    {
        var html = Html(markdown);
        Assert.StartsWith("<table dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains(cell, html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_of_arabic_digits_alone_has_no_direction() =>
        Assert.Equal("<p>٢٠٣٠</p>", Html("٢٠٣٠"));

    private static string ArticleHtml(string markdown, string language) =>
        MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage>(), language).Html;

    /// <summary>
    /// Review: in an Arabic article, a price table whose first column is the model (iPhone | السعر) was dir="ltr", its
    /// columns running left to right, and a list item opening with a brand name (iPhone 17 Pro متوفر…) stood on the left
    /// with its bullet, as its first letter is Latin. In an article written right to left, a block holding right-to-left
    /// letters reads in the article's direction: the Latin name is a word of an Arabic sentence.
    /// </summary>
    [Theory]
    [InlineData("| iPhone | السعر |\n| --- | --- |\n| iPhone 17 | ٥٤٬٩٩٩ جنيه |", "ar", "<table dir=\"rtl\">")]
    [InlineData("| Wiz | נתון |\n| --- | --- |\n| גיוס | 300 מיליון דולר |", "he", "<table dir=\"rtl\">")]
    [InlineData("- iPhone 17 Pro متوفر بثلاثة ألوان\n- التقسيط متاح", "ar-EG", "<ul dir=\"rtl\">\n<li dir=\"rtl\">iPhone 17 Pro متوفر")]
    [InlineData("iPhone 17 در بازار تهران گران شد.", "fa", "<p dir=\"rtl\">iPhone 17")]
    [InlineData("> \"Apple\" قالت الشركة.", "ar", "<blockquote dir=\"rtl\">")]
    public void A_block_holding_right_to_left_letters_reads_right_to_left_in_a_right_to_left_article(string markdown, string language, string html) =>
        Assert.StartsWith(html, ArticleHtml(markdown, language), StringComparison.Ordinal);

    [Theory]
    [InlineData("| iPhone | السعر |\n| --- | --- |\n| iPhone 17 | ٥٤٬٩٩٩ جنيه |", "zh-Hant", "<table dir=\"ltr\">")]
    [InlineData("「السلام عليكم」，阿拉伯聯盟秘書長今天在開羅宣布停火。", "zh-Hant", "<p dir=\"ltr\">")]
    [InlineData("iPhone 17 and Galaxy S26", "ar", "<p>iPhone 17")]
    [InlineData("| iPhone | 17 |\n| --- | --- |\n| Pro | Max |", "he", "<table>")]
    public void Another_articles_blocks_and_blocks_without_right_to_left_letters_are_as_they_were(string markdown, string language, string html) =>
        Assert.StartsWith(html, ArticleHtml(markdown, language), StringComparison.Ordinal);

    [Fact]
    public void A_heading_opening_with_a_latin_name_in_an_arabic_article_and_its_toc_entry_are_right_to_left()
    {
        var rendered = MarkdownRenderer.Render(articleId: 1, "## iPhone 17 في مصر", new Dictionary<long, InlineImage>(), "ar");

        Assert.Contains("dir=\"rtl\">iPhone 17 في مصر</h2>", rendered.Html, StringComparison.Ordinal);
        Assert.Equal("rtl", Assert.Single(rendered.Toc).Dir);
    }

    [Fact]
    public void A_figure_caption_opening_with_a_latin_name_in_an_arabic_article_is_right_to_left()
    {
        var images = new Dictionary<long, InlineImage> { [3] = new(3, "https://cdn.example.com/a.jpg", "متجر", "iPhone 17 في متجر بالقاهرة", "رويترز", 1200, 800) };

        Assert.Contains("<figcaption dir=\"rtl\">", MarkdownRenderer.Render(articleId: 1, "![](image:3)\n\nنص.", images, "ar").Html, StringComparison.Ordinal);
        Assert.Contains("<figcaption dir=\"auto\">", MarkdownRenderer.Render(articleId: 1, "![](image:3)\n\nنص.", images, "zh-Hant").Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("台積電今天宣布擴產，TSMC 股價上漲。")]
    [InlineData("## 第一章")]
    [InlineData("- 中文\n- English")]
    public void Left_to_right_blocks_are_left_as_they_were(string markdown) =>
        Assert.DoesNotContain("dir=", Html(markdown), StringComparison.Ordinal);
    private static string FigureHtml(string markdown, string credit) =>
        MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage> { [3] = new(3, "https://cdn.example.com/a.jpg", "圖", "台北101夜景", credit, 1200, 800) }).Html;

    /// <summary>Review: an Arabic credit under an image in a Chinese article got a figcaption with no direction hint.</summary>
    [Theory]
    [InlineData("![](image:3)\nصورة: رويترز\n\n正文。", "中央社")]
    [InlineData("![](image:3)\n\nصورة: رويترز\n\n正文。", "中央社")]
    [InlineData("![](image:3)\nמקור: רויטרס\n\n正文。", "中央社")]
    [InlineData("![](image:3)\n\n正文。", "رويترز")]
    [InlineData("![](image:3)\nصورة الغلاف\n\n正文。", "中央社")]
    public void A_figure_caption_holding_right_to_left_letters_takes_its_direction_from_its_text(string markdown, string credit)
    {
        var html = FigureHtml(markdown, credit);
        Assert.Contains("<figcaption dir=\"auto\">", html, StringComparison.Ordinal);
        Assert.Contains("<p>正文。</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("![](image:3)\n圖源：ifanr\n\n正文。")]
    [InlineData("![](image:3)\n\n正文。")]
    public void A_left_to_right_figure_caption_is_left_as_it_was(string markdown) =>
        Assert.DoesNotContain("dir=", FigureHtml(markdown, "中央社"), StringComparison.Ordinal);
}
