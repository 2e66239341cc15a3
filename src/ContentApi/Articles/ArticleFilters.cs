using System.Data.Common;
using System.Globalization;
using ContentApi.Data;
using ContentApi.Http.Binding;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Articles;

/// <summary>
/// Filters of the article list, already validated. Author and tag accept an id or a slug; all digits are a slug when one
/// has it, else an id. AuthorIds, TagIds and ImageIds are ids alone, any of them. UpdatedAfter and UpdatedBefore bound
/// updatedAt as PublishedAfter and PublishedBefore bound publishedAt.
/// </summary>
public sealed record ArticleFilter(
    bool IncludeUnpublished,
    ArticleListStatus? Status = null,
    string? Author = null,
    string? Tag = null,
    string? Language = null,
    DateTimeOffset? PublishedAfter = null,
    DateTimeOffset? PublishedBefore = null,
    string? FullTextMatch = null,
    IReadOnlyList<long>? Ids = null,
    IReadOnlyList<string>? Slugs = null,
    IReadOnlyList<long>? AuthorIds = null,
    IReadOnlyList<long>? TagIds = null,
    IReadOnlyList<long>? ImageIds = null,
    DateTimeOffset? UpdatedAfter = null,
    DateTimeOffset? UpdatedBefore = null,
    string? CreatedBy = null,
    string? UpdatedBy = null)
{
    /// <summary>Whether an author, tag or image filter is set, by id or slug or by ids.</summary>
    public bool ByReference => Author is not null || Tag is not null || AuthorIds is not null || TagIds is not null || ImageIds is not null;

    /// <summary>Whether the filter names its articles (by id or slug): at most a few hundred, read by primary key.</summary>
    public bool NamesArticles => Ids is not null || Slugs is not null;

    /// <summary>
    /// The language filter as given: RFC 4647 basic ranges, comma-separated, or null for every language
    /// (<see cref="LanguageTags.AnyLanguage"/> says the same).
    /// </summary>
    public string? Language { get; init => field = Range(value); } = Range(Language);

    /// <summary>The lower-case ranges an article's language is matched against (<see cref="LanguageRanges.ToMatch"/>), or null for every language.</summary>
    public IReadOnlyList<string>? Languages => Language is null ? null : LanguageRanges.ToMatch(ListParameters.Items(Language));

    private static string? Range(string? language) => language is not null && LanguageRanges.ToMatch(ListParameters.Items(language)) is null ? null : language;
}

internal static class ArticleFilters
{
    // Slugs may be all digits ("2025"), so an all-digit value names the holder of that slug, or when none has it the
    // one with that id (written without leading zeros); never both.
    // The author, tag, date-range and language filters each have two forms: "walk" tests each article met in the list's
    // order and stops after a page, right when many articles match; "drive" starts from the matching rows of an index
    // (an author's or tag's links, ix_articles_published, ix_articles_language), right when few do (walking for a tag
    // with none read every article: 0.15 s a page at 100,000 articles). WithFewArticlesAsync tells which.
    // The authorId and tagId filters name authors and tags by id alone, any of several, and have the same two forms;
    // so does imageId (ImageUses). updatedAfter/updatedBefore are a plain range, which ix_articles_updated serves.
    private static readonly Reference AuthorReference = new("author", "authors", "AuthorId", "AuthorSlug", "AuthorIds", FilterDrive.Author, FilterDrive.AuthorIds, SluggedTable.Authors);
    private static readonly Reference TagReference = new("tag", "tags", "TagId", "TagSlug", "TagIds", FilterDrive.Tag, FilterDrive.TagIds, SluggedTable.Tags);

    /// <summary>Up to this many matching articles, a list starts from a filter's rows (see <see cref="FilterDrive"/>).</summary>
    public const int FewArticles = 1000;

    /// <summary>
    /// How a list's total is counted when not as its page is selected (null: as the page), given which filters have
    /// few articles (<paramref name="few"/>): from a few-article author's or tag's links; else from the language's
    /// index, which holds each article's status and date; else from the author's or tag's links. Starting from links,
    /// each article's status, date and language are read from ix_articles_visibility (walking, a tag's total counted
    /// every article: 0.28 s).
    /// </summary>
    public static KeysetPage.TotalQuery? TotalQuery(ArticleFilter filter, string now, FilterDrive few)
    {
        if (filter.NamesArticles)
        {
            return null;
        }
        var fromLinks = filter.ByReference
            ? KeysetPage.TotalQuery.Count("FROM " + SqliteDialect.ArticlesForVisibility, ToSql(filter, now, FilterDrive.References).Conditions)
            : null;
        if ((few & FilterDrive.References) != 0 || filter.Language is null)
        {
            return fromLinks;
        }
        return KeysetPage.TotalQuery.Count($"FROM {RangesThen("a")}", ToSql(filter, now, FilterDrive.References | FilterDrive.LanguageRanges).Conditions);
    }

    public const string StatusCondition = "a.status = @Status";

    /// <summary>The live ones, nearly every article: a sort on another column reads that column's index, as for anonymous lists.</summary>
    public const string PublishedStatusCondition = ArticleQueries.PubliclyVisible;

    /// <summary>Published, going live later.</summary>
    public const string ScheduledStatusCondition = SqliteDialect.ArticleScheduled;

    /// <summary>
    /// The FROM of a list page and its count: for a filter naming its articles, NOT INDEXED, which leaves SQLite the
    /// primary key alone; with statistics (ANALYZE) it walked the sort's index instead, testing each article against
    /// the list, the whole index for names it has not.
    /// </summary>
    public static string From(ArticleFilter filter) => filter.NamesArticles ? $"FROM articles a {SqliteDialect.PrimaryKeyOnlyHint}" : ArticleQueries.From;

    /// <summary>
    /// The articles an id list names, found by primary key whatever the list's sort; the ids as one JSON array, so that
    /// the statement's text is the same for any number of them.
    /// </summary>
    private static readonly string NamedByIds = $"a.id IN ({SqliteDialect.ValuesIn("@ArticleIds")})";

    /// <summary>
    /// The articles a slug list names, by their current slug (its unique index) or an earlier one (article_slug_aliases,
    /// as GET by slug redirects): no slug is both, as an article taking a slug takes it from the aliases. The slugs are
    /// matched exactly: <see cref="ArticleStore.ListAsync"/> puts each one's spellings in first.
    /// </summary>
    private static readonly string NamedBySlugs = $"""
        a.id IN (SELECT s.id FROM articles s WHERE s.slug IN ({SqliteDialect.ValuesIn("@ArticleSlugs")})
                 UNION ALL SELECT l.article_id FROM article_slug_aliases l WHERE l.slug IN ({SqliteDialect.ValuesIn("@ArticleSlugs")}))
        """;

    /// <summary>Fixed SQL conditions for the filters that are set; values only as parameters.</summary>
    public static (List<string> Conditions, DynamicParameters Parameters) ToSql(ArticleFilter filter, string now, FilterDrive drive = FilterDrive.None)
    {
        var conditions = new List<string>();
        var parameters = ListTotals.ParametersVisibleAt(now);
        if (!filter.IncludeUnpublished)
        {
            conditions.Add(ArticleQueries.PubliclyVisible);
        }
        switch (filter.Status)
        {
            case ArticleListStatus.Published when filter.IncludeUnpublished:
                conditions.Add(PublishedStatusCondition);
                break;
            case ArticleListStatus.Scheduled:
                conditions.Add(ScheduledStatusCondition);
                break;
            case ArticleListStatus.Draft:
                conditions.Add(StatusCondition);
                parameters.Add("Status", "draft");
                break;
        }
        if (filter.Ids is { } ids)
        {
            conditions.Add(NamedByIds);
            parameters.Add("ArticleIds", SqliteDialect.ListArgument(ids));
        }
        if (filter.Slugs is { } slugs)
        {
            conditions.Add(NamedBySlugs);
            parameters.Add("ArticleSlugs", SqliteDialect.ListArgument(slugs));
        }
        AddReference(filter.Author, AuthorReference);
        AddReference(filter.Tag, TagReference);
        AddIds(filter.AuthorIds, AuthorReference);
        AddIds(filter.TagIds, TagReference);
        if (filter.ImageIds is { } imageIds)
        {
            parameters.Add(ImageUses.IdsName, SqliteDialect.ListArgument(imageIds));
            conditions.Add(drive.HasFlag(FilterDrive.ImageIds) ? ImageUses.Drive : ImageUses.Walk);
        }
        if (filter.Languages is { } languages)
        {
            // Few articles: the list starts from the language's index, a range of it for each of the ranges. Many: kept
            // off that index, it reads the sort's index in order and stops after a page instead of sorting every article
            // in the languages. A total counts each range's index rows (RangesThen: its FROM holds the filter).
            if (!drive.HasFlag(FilterDrive.LanguageRanges))
            {
                conditions.Add(drive.HasFlag(FilterDrive.Language) ? $"a.id IN (SELECT l.id FROM {RangesThen("l")})"
                    : $"EXISTS (SELECT 1 FROM {SqliteDialect.ValuesAs("@Languages", "r")} WHERE {InRange(SqliteDialect.NoIndexFor("a.language"))})");
            }
            parameters.Add("Languages", SqliteDialect.ListArgument(languages));
        }
        if (filter.FullTextMatch is { } match)
        {
            conditions.Add(SqliteDialect.ArticleIdsMatching);
            parameters.Add("Match", match);
        }
        if (PublishedRange(filter, "a") is { } range)
        {
            // Narrow: start from the range's few articles; wide: read the list's order, as for the other filters.
            conditions.Add(drive.HasFlag(FilterDrive.PublishedRange)
                ? $"a.id IN (SELECT r.id {DatedRows(filter)})"
                : range);
            if (filter.PublishedAfter is { } after)
            {
                parameters.Add("PublishedAfter", Timestamps.ToDbRoundedUp(after));
            }
            if (filter.PublishedBefore is { } before)
            {
                parameters.Add("PublishedBefore", Timestamps.ToDbRoundedUp(before));
            }
        }
        InstantRange.AddTo(conditions, parameters, "a.updated_at", "Updated", filter.UpdatedAfter, filter.UpdatedBefore);
        if (filter.CreatedBy is { } createdBy)
        {
            conditions.Add("a.created_by = @CreatedBy");
            parameters.Add("CreatedBy", createdBy);
        }
        if (filter.UpdatedBy is { } updatedBy)
        {
            conditions.Add("a.updated_by = @UpdatedBy");
            parameters.Add("UpdatedBy", updatedBy);
        }
        return (conditions, parameters);

        void AddReference(string? value, Reference reference)
        {
            if (value is null)
            {
                return;
            }
            var spellings = Slugs.Spellings(value).ToArray();
            for (var i = 0; i < Reference.Spellings; i++)
            {
                parameters.Add(reference.SlugName + i, spellings[Math.Min(i, spellings.Length - 1)]);
            }
            if (IdOf(value) is { } id)
            {
                parameters.Add(reference.IdName, id);
            }
            var anonymous = SeesAsAnonymous(filter);
            conditions.Add(drive.HasFlag(reference.Flag) ? reference.Drive(value, anonymous) : reference.Walk(value, anonymous));
        }

        // No visibility of their own: an author or a tag hidden from anonymous callers is one no article they see has.
        void AddIds(IReadOnlyList<long>? ids, Reference reference)
        {
            if (ids is null)
            {
                return;
            }
            parameters.Add(reference.IdsName, SqliteDialect.ListArgument(ids));
            conditions.Add(drive.HasFlag(reference.IdsFlag) ? reference.DriveIds() : reference.WalkIds());
        }
    }

    /// <summary>
    /// Which of the set author, tag, date-range and language filters match at most <paramref name="few"/> articles
    /// (drafts included; in the app <see cref="FewArticles"/>), found by reading no more of their index rows than that.
    /// </summary>
    public static async Task<FilterDrive> WithFewArticlesAsync(DbConnection connection, ArticleFilter filter, string now, int few, CancellationToken cancellationToken)
    {
        if (filter is { ByReference: false, PublishedAfter: null, PublishedBefore: null, Language: null } || filter.NamesArticles)
        {
            return FilterDrive.None;
        }
        var (_, parameters) = ToSql(filter, now);
        parameters.Add("Enough", few + 1);
        var author = filter.Author is { } byAuthor ? UpToEnough(AuthorReference.Rows(byAuthor, SeesAsAnonymous(filter))) : "NULL";
        var tag = filter.Tag is { } byTag ? UpToEnough(TagReference.Rows(byTag, SeesAsAnonymous(filter))) : "NULL";
        var authorIds = filter.AuthorIds is null ? "NULL" : UpToEnough(AuthorReference.IdsRows);
        var tagIds = filter.TagIds is null ? "NULL" : UpToEnough(TagReference.IdsRows);
        var imageIds = filter.ImageIds is null ? "NULL" : UpToEnough(ImageUses.Rows);
        var dated = filter is { PublishedAfter: null, PublishedBefore: null } ? "NULL" : UpToEnough(DatedRows(filter));
        var written = filter.Languages is null ? "NULL" : UpToEnough($"FROM {RangesThen("l")}");
        var (authorLinks, tagLinks, authorIdsLinks, tagIdsLinks, imageUses, datedArticles, inLanguage) = await connection.QuerySingleAsync<(long?, long?, long?, long?, long?, long?, long?)>(
            new CommandDefinition($"SELECT {author}, {tag}, {authorIds}, {tagIds}, {imageIds}, {dated}, {written}", parameters, cancellationToken: cancellationToken));
        return (authorLinks <= few ? FilterDrive.Author : FilterDrive.None)
            | (tagLinks <= few ? FilterDrive.Tag : FilterDrive.None)
            | (authorIdsLinks <= few ? FilterDrive.AuthorIds : FilterDrive.None)
            | (tagIdsLinks <= few ? FilterDrive.TagIds : FilterDrive.None)
            | (imageUses <= few ? FilterDrive.ImageIds : FilterDrive.None)
            | (datedArticles <= few ? FilterDrive.PublishedRange : FilterDrive.None)
            | (inLanguage <= few ? FilterDrive.Language : FilterDrive.None);
    }

    /// <summary>
    /// RFC 4647 basic filtering: the range r.value ("zh", lower-case) holds zh, zh-Hant and zh-TW (a language has no
    /// LIKE wildcards: validated), on the lower-cased language as ix_articles_language holds it. The bounds make it one
    /// range of that index ("zh" up to "zh.", which holds "zh-…" and no other tag); as an OR, SQLite read both halves' rows.
    /// </summary>
    private static string InRange(string column)
    {
        var language = $"lower({column})";
        return $"({language} >= r.value AND {language} < r.value || '.' " +
            $"AND ({language} = r.value OR {language} LIKE r.value || '-%'))";
    }

    /// <summary>
    /// The ranges of @Languages as r, each followed by the articles (as <paramref name="alias"/>) that ix_articles_language
    /// holds in it: no two ranges hold one article (<see cref="LanguageRanges.ToMatch"/>), so each is counted once.
    /// </summary>
    private static string RangesThen(string alias) =>
        $"{SqliteDialect.ValuesAs("@Languages", "r")} {SqliteDialect.JoinLeftFirst} articles {alias} {SqliteDialect.IndexHint("ix_articles_language")} ON {InRange($"{alias}.language")}";

    /// <summary>
    /// The publishedAfter/publishedBefore range on <paramref name="alias"/>, null without one. Only published articles
    /// have a date, so it says so (a key holder's list then reads ix_articles_published too); the likelihoods tell the
    /// planner that a range may hold most articles, so that it reads another sort's index in order rather than the
    /// whole range (0.25-0.48 s a page at 100,000 articles).
    /// </summary>
    private static string? PublishedRange(ArticleFilter filter, string alias)
    {
        if (filter.PublishedAfter is null && filter.PublishedBefore is null)
        {
            return null;
        }
        var range = SqliteDialect.Likely($"{alias}.status = 'published'", 0.9);
        if (filter.PublishedAfter is not null)
        {
            range += $" AND {SqliteDialect.Likely($"{alias}.published_at >= @PublishedAfter")}";
        }
        if (filter.PublishedBefore is not null)
        {
            range += $" AND {SqliteDialect.Likely($"{alias}.published_at < @PublishedBefore")}";
        }
        return range;
    }

    /// <summary>How many of <paramref name="rows"/> (a FROM … WHERE …) there are, up to @Enough.</summary>
    private static string UpToEnough(string rows) => $"(SELECT count(*) FROM (SELECT 1 {rows} LIMIT @Enough))";

    /// <summary>The published articles in the filter's date range, as r, from the index that holds them by date.</summary>
    private static string DatedRows(ArticleFilter filter) => $"FROM articles r {SqliteDialect.IndexHint("ix_articles_published")} WHERE {PublishedRange(filter, "r")}";

    /// <summary>Whether the list is what anonymous callers see: theirs, or a key holder's <c>status=published</c>, which says it is.</summary>
    private static bool SeesAsAnonymous(ArticleFilter filter) => !filter.IncludeUnpublished || filter.Status == ArticleListStatus.Published;

    /// <summary>The id an all-digit value may be: one written as ids are, without leading zeros ("042" is a slug only).</summary>
    private static long? IdOf(string value) =>
        !value.StartsWith('0') && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>An author or a tag (<paramref name="Kind"/>) an article links to (article_{kind}s.{kind}_id), given by id or slug, or any of several ids.</summary>
    private sealed record Reference(string Kind, string Owners, string IdName, string SlugName, string IdsName, FilterDrive Flag, FilterDrive IdsFlag, SluggedTable Table)
    {
        private string Links => $"article_{Kind}s";

        private string Key => $"{Kind}_id";

        /// <summary>The spellings of a slug a filter tries (<see cref="Slugs.Spellings"/>), the last repeated where it has fewer.</summary>
        public const int Spellings = 3;

        /// <summary>
        /// The first of the slug's spellings that is stored, as a lookup by slug finds it (<see cref="Slugs.FindBySpellingAsync"/>);
        /// else the current slug of the one it is an earlier slug of (<see cref="SlugAliases"/>), as that lookup answers 301 with it.
        /// </summary>
        private string Slug => $"coalesce((SELECT s.slug FROM {Owners} s WHERE s.slug = @{SlugName}0), (SELECT s.slug FROM {Owners} s WHERE s.slug = @{SlugName}1), " +
            $"({EarlierSlug(0)}), ({EarlierSlug(1)}), @{SlugName}2)";

        private string EarlierSlug(int spelling) => SlugAliases.CurrentSlugSql(Table, Owners, "s", $"@{SlugName}{spelling}");

        /// <summary>
        /// The one the value names: the holder of its slug, or, for digits no slug holds, the one with that id. Digits
        /// named both (?tag=2025 listed the year tag's articles and tag 2025's together). For anonymous callers only a
        /// holder they may see counts: a hidden year tag took ?tag=2 over from the public tag 2, emptying its list.
        /// </summary>
        private string Owner(string value, bool anonymous) => IdOf(value) is null
            ? $"SELECT o.id FROM {Owners} o WHERE o.slug = {Slug}"
            : $"SELECT o.id FROM {Owners} o WHERE o.id = coalesce((SELECT s.id FROM {Owners} s WHERE s.slug = {Slug}{(anonymous ? " AND " + SqliteDialect.UsedByVisibleArticle(Kind, "s.id") : "")}), @{IdName})";

        public string Walk(string value, bool anonymous) => $"EXISTS (SELECT 1 FROM {Links} x WHERE x.article_id = a.id AND x.{Key} IN ({Owner(value, anonymous)}))";

        public string Drive(string value, bool anonymous) => $"a.id IN (SELECT x.article_id {Rows(value, anonymous)})";

        /// <summary>The links to the author or tag, as x.</summary>
        public string Rows(string value, bool anonymous) => $"FROM {Links} x WHERE x.{Key} IN ({Owner(value, anonymous)})";

        /// <summary>The ids as one JSON array, so that the statement's text is the same for any number of them.</summary>
        private string Ids => SqliteDialect.ValuesIn($"@{IdsName}");

        public string WalkIds() => $"EXISTS (SELECT 1 FROM {Links} x WHERE x.article_id = a.id AND x.{Key} IN ({Ids}))";

        public string DriveIds() => $"a.id IN (SELECT x.article_id {IdsRows})";

        /// <summary>The links to any of the ids, as x.</summary>
        public string IdsRows => $"FROM {Links} x WHERE x.{Key} IN ({Ids})";
    }
}

/// <summary>Which filters a list starts from (an author's or tag's links, a date range, a language) rather than testing each article it walks.</summary>
[Flags]
internal enum FilterDrive
{
    None = 0,
    Author = 1,
    Tag = 2,
    PublishedRange = 4,
    Language = 8,
    AuthorIds = 16,
    TagIds = 32,
    ImageIds = 64,
    /// <summary>A total's FROM joins the language's ranges to their articles (it holds the language filter), rather than testing each article.</summary>
    LanguageRanges = 128,
    References = Author | Tag | AuthorIds | TagIds | ImageIds,
}
