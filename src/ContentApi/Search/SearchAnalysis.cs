using System.Data.Common;
using System.Security.Cryptography;
using ContentApi.Data;
using ContentApi.Http.Writes;
using Dapper;

namespace ContentApi.Search;

/// <summary>
/// The analysis the search index was built with (migration 0010), against this build's: an index built by another
/// analysis misses words the two analyse differently until <c>reindex</c> runs.
/// </summary>
public static class SearchAnalysis
{
    /// <summary>
    /// Raise when <see cref="SearchAnalyzer"/> or <see cref="TextUnits"/> analyse any text differently, or the text they
    /// are given changes (10: a body's HTML comments are no text of it, its excerpt ends at <!--more-->, and a sentence
    /// caption above its credit is no text of the excerpt; 11: the bare inline tags a body may hold, such as &lt;sub&gt;, are
    /// no text, nor a ruby's readings; 12: a derived excerpt sees a German „…“ quotation closed; 13: Hebrew ״ ׳ inside a word are no break, and
    /// more credit lines under figures are no text of the excerpt; 14: the Arabic article joined to a word is taken off; 15: a Devanagari nasal with a virama is read as
    /// the anusvara; 16: an inline tag without its partner is text again; 17: the Arabic
    /// article's longer forms are taken off only before four letters; 18: a credit label may hold a bracketed note; 19: a
    /// derived excerpt's stop before a word in lowercase ends no sentence, and a gallery's excerpt leaves out the credit
    /// run into a caption's line; 20: a semicolon before a word in lowercase is a clause end again,
    /// a comment in a fence never closed is code, so text, and a comment that starts a line ends at its first --&gt;, also
    /// one in a fence it holds; 21: Xinhua's, Yonhap's and Chinese papers' datelines leave a derived excerpt, and so
    /// do photographers' credits under a figure written without a label, "新华社记者 张三 摄"; a line wrapped beside
    /// full-width punctuation, or between full-width letters or digits and Chinese or Japanese, joins without a space;
    /// 22: the editor's credit ending a Chinese news article, "（編輯：李四）", leaves a derived excerpt; a derived excerpt
    /// with no sentence end in reach is cut after a Chinese or Japanese comma, not mid-word; a line wrapped between
    /// Chinese and a curly quote, an ellipsis, a dash or a name's dot joins without a space, and a paragraph ending in
    /// such a quote joins the next in an excerpt without one; a gallery's excerpt leaves out a credit run into a caption
    /// after a space, "台北101夜景 圖源：中央社"; 23: a derived excerpt keeps only the bidirectional embeddings, overrides
    /// and isolates closed within it, dropping one its paragraph left open; a full-width space inside a paragraph stays in
    /// a derived excerpt as written, "記者　王小明"; a gallery's excerpt keeps a caption ending in a title's capitalised
    /// word for a source whole, "… Open Source: a history"; a curly quote or an ellipsis closing a word of spaced text keeps
    /// the space after it before Chinese, "He said “yes” 他同意了。"; a label under a picture with a colon before a word in
    /// lowercase, "Open Source: a history", or after a caption's words, "左起：", is a caption a gallery's excerpt keeps, not a credit; a long Korean sentence
    /// is cut between words, not between two syllables of one; a cut after an opening bracket drops the comma, colon,
    /// space or isolate before it too, "…said, (" no longer reading "…said,…"; a long Japanese sentence is cut where a
    /// phrase ends, not inside a katakana word, "…コーポレー…", but Chinese with a stray "の" ("台北の夜市") as Chinese, and a cut at a name's dot leaves the dot out; a Japanese
    /// credit with a full-width equals sign, "写真＝ロイター", or after a caption, "…ナデラ氏＝ロイター", is a credit, as are "사진 제공=삼성전자", "/뉴스1", "연합뉴스 자료사진",
    /// "（撮影・山田太郎）", "（時事）", "（出所）総務省", "（视觉中国）", "（台積電提供）", "（資料照，中央社）", "（ロイター＝共同）", "사진 출처=연합뉴스", "게티이미지뱅크", "（ＰＩＸＴＡ）" and "（Ｃ）共同通信"; a
    /// sentence caption above a credit paragraph, "熊本縣知事與魏哲家握手。" then "圖／達志影像" (not above a data note,
    /// "資料來源：主計總處"), is no text of the excerpt, nor the CNA's dateline without a reporter, "（中央社台北5日電）", nor
    /// Kyodo's and Jiji's, "【ワシントン共同】", nor "【环球时报报道 记者 李明】", "央视网消息：" and "（ソウル＝聯合ニュース）", nor "〔記者王小明／台北報導〕",
    /// "【財經中心／台北報導】", "（路透社華盛頓4日電）", "[이데일리 김철수 기자]", "［東京　２日　ロイター］ -", "WASHINGTON (AP) —" and "澎湃新闻记者 王小明",
    /// nor the further reading after a label of its own, "関連記事", nor where a reposted article came from, "（本文来自澎湃新闻…）", nor who
    /// reported it, "Reporting by Jane Doe; Editing by John Roe", "（山田太郎）", "김철수 기자", nor a timestamp or source line
    /// above the lead, "Updated Dec 4, 2025, 10:00 a.m. ET", "来源：新华社"; "Getty Images", "Jane Doe/AP", "사진ⓒ뉴스1",
    /// "示意圖／取自pixabay" and "图片来源于网络" are credits, and a bar between a caption and its credit is neither's; a
    /// table of contents, "- [Setup](#setup)", is no text of the excerpt, nor are WeChat's "点击上方蓝字关注我们", "END" and
    /// "点个“在看”", a page's "[廣告] 請繼續往下閱讀...", "Advertisement" and newsletter prompt, and "Share this:" with what follows;
    /// 24: a derived excerpt is indexed with a line break where it joins two paragraphs, so no Chinese run reads across it;
    /// 25: a derived excerpt ends at Docusaurus' <!-- truncate --> as at <!--more-->;
    /// 26: a body held back as too complex only for lone "~" or escaped delimiters, "3~5 年", is read as Markdown;
    /// 27: adjacent footnote references, "據報導[^1][^2]。", each cite their note, so the first note is text again;
    /// 28: an inline tag opened inside 32 others stays text;
    /// 29: an article's author and tag names, and its images' captions and credits, are indexed apart (no phrase runs
    /// across two), and a table row's cells are parted by a tab in the plain text, so no Chinese run reads across two; a
    /// derived excerpt keeps a hard line break; a sentence wrapped onto a second line right under an image, "…發布了新模型，",
    /// is text, not the figure's caption, "照片來源：" names a picture's source, and an image's line may end in &lt;br&gt;,
    /// its label after it on the same line too; "資料照", "台積電提供", "via Twitter" are credits; a byline or a label of
    /// further reading ended by &lt;br&gt; is a line of its own; a derived excerpt breaks a wrapped line where the plain
    /// text does, after a tab or a no-break space ending it);
    /// 30: a paragraph's wrapped source lines read on with a space in the plain text, as a browser shows them, but a line
    /// break where white space Markdown keeps stands at the wrap; a pipe escaped in a table cell's code, "`a \| b`", is a pipe, and a note cited only in an image's alt text is left out;
    /// 31: an image given by its URL alone on its line is a figure, its label out of the excerpt and its lines apart;
    /// a token no query makes stands at each line break and tab of the indexed text, so no quoted phrase runs across
    /// two blocks, a hard line break or two table cells ("Quill Marlow" found "| Jane Quill | Marlow Doe |"); a query's
    /// corner brackets, 「machine learning」, quote a phrase, and a full-width minus, －GPT, excludes; quotation marks and
    /// brackets inside a Chinese or Japanese run no longer end it ("台積電「先進製程」發表" holds 程发).
    /// </summary>
    private const int AnalyzerRevision = 35;

    /// <summary>This build's analysis: the analyzer's revision and the fold table it uses.</summary>
    public static string Current { get; } = $"{AnalyzerRevision}-{FoldTableHash()}";

    /// <summary>
    /// What the index records while <c>reindex --clear</c> rebuilds it from empty, until the rebuild records
    /// <see cref="Current"/>: a rebuild stopped before its end leaves an index that misses articles, and says so.
    /// </summary>
    public const string UnfinishedRebuild = "unfinished rebuild";

    private const string ReadSql = "SELECT version FROM search_analysis WHERE id = 1";
    private const string RecordSql = "UPDATE search_analysis SET version = @Version WHERE id = 1";
    private const string HasArticlesSql = "SELECT EXISTS (SELECT 1 FROM articles)";

    private sealed record Recorded(bool Changed) : IWriteResult;

    /// <summary>The analysis that built the index; null when it was built before that was recorded.</summary>
    public static async Task<string?> OfIndexAsync(Db db, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(ReadSql, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Whether the index is this build's, recording that it is while no article is indexed (a new or emptied database:
    /// whatever comes in next is analysed as this build does). Usually one read and no write transaction.
    /// </summary>
    /// <returns>The analysis that built the index, when it is another than this build's.</returns>
    public static async Task<(bool IsCurrent, string? Indexed)> EnsureCurrentWhileEmptyAsync(Db db, CancellationToken cancellationToken)
    {
        var indexed = await OfIndexAsync(db, cancellationToken);
        return (indexed == Current || await RecordAsync(db, onlyWithoutArticles: true, cancellationToken), indexed);
    }

    /// <summary>Records, in the transaction that empties the index, that it misses articles until a rebuild ends.</summary>
    public static Task MarkUnfinishedAsync(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteAsync(RecordSql, new { Version = UnfinishedRebuild }, transaction);

    /// <summary>Records that the index is this build's: after a full reindex, or while it indexes no article. False when it did not.</summary>
    public static async Task<bool> RecordAsync(Db db, bool onlyWithoutArticles, CancellationToken cancellationToken) =>
        (await db.WriteRetryingBusyAsync(async (connection, transaction) =>
        {
            if (onlyWithoutArticles && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(HasArticlesSql, transaction: transaction, cancellationToken: cancellationToken)))
            {
                return new Recorded(false);
            }
            var rows = await connection.ExecuteAsync(new CommandDefinition(RecordSql, new { Version = Current }, transaction, cancellationToken: cancellationToken));
            return new Recorded(rows > 0);
        }, cancellationToken, changesContent: false)).Changed;

    private static string FoldTableHash()
    {
        using var table = typeof(SearchAnalysis).Assembly.GetManifestResourceStream(HanVariants.ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {HanVariants.ResourceName} is missing.");
        return Convert.ToHexStringLower(SHA256.HashData(table))[..12];
    }
}
