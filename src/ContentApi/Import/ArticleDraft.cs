using ContentApi.Articles;
using ContentApi.Data;
using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// The file's article but for the ids of what it refers to: stand-ins while the file is judged, the stored ones
/// once it is saved.
/// </summary>
internal sealed record ArticleDraft(ImportDocument Document, string Slug, string Language, ArticleStatus Status, DateTimeOffset? PublishedAt, string? StoredBody)
{
    public static ArticleDraft Of(string path, ImportDocument document, string slug, ArticleAggregate? existing)
    {
        // A file saying nothing of publication keeps a stored article's status, as a PUT without status does.
        var status = document.Status is { } given ? (given == "published" ? ArticleStatus.Published : ArticleStatus.Draft)
            : document.PublishedAt is not null ? ArticleStatus.Published : existing?.Row.StatusValue ?? ArticleStatus.Draft;
        // A published article's date stays when the file gives none (the API keeps it too), so restating it changes nothing.
        var keptPublishedAt = existing?.Row.StatusValue == ArticleStatus.Published ? Timestamps.FromDbOrNull(existing.Row.PublishedAt) : null;
        var language = document.Language ?? LanguageGuess.FromFileName(path) ?? KeptOrGuessed(existing?.Row.Language, GuessedFrom(document));
        return new(document, slug, language, status, status == ArticleStatus.Published ? document.PublishedAt ?? keptPublishedAt : null, existing?.Row.Body);
    }

    /// <summary>What readers read of the body (<see cref="ReadableBodyText"/>), unless it is too complex to parse again.</summary>
    private static string GuessedFrom(ImportDocument document) =>
        document.BodyUnscanned ? document.BodyTemplate : ReadableBodyText.Of(document.BodyTemplate);

    /// <summary>
    /// The language of a file that names none, for an article it may update: the stored tag when the text's script
    /// tells the same language, since it says more than a guess can (an editor's <c>en-GB</c>, or <c>zh</c> stored by a
    /// build before the guess told Traditional from Simplified), or tells only a script the stored language is written
    /// in (<c>fa</c> for <c>und-Arab</c>, <c>ru</c> for <c>und-Cyrl</c>, <c>fr</c> for Latin text's <c>en</c>:
    /// <see cref="LanguageGuess.IsWrittenInScriptOf"/>), so importing an unchanged file again leaves the article
    /// alone; else the guess (<see cref="LanguageGuess.FromScript"/>), the body now being in another language or script.
    /// </summary>
    private static string KeptOrGuessed(string? stored, string text)
    {
        var guessed = LanguageGuess.FromScript(text);
        // 'und' (undetermined) is no language two tags share: und-Cyrl stored is not of und-Arab's language.
        var language = LanguageTags.PrimaryLanguage(guessed);
        return stored is not null && (language != "und" && string.Equals(LanguageTags.PrimaryLanguage(stored), language, StringComparison.OrdinalIgnoreCase)
            || LanguageGuess.IsWrittenInScriptOf(stored, guessed))
            ? stored : guessed;
    }

    public ArticleRequest With(ReferenceIds ids)
    {
        var body = Document.BodyWith(ids.ImageIds);
        return new(
            Document.Title, body, Language, ids.AuthorIds, Status, Slug, Document.Subtitle, Document.Excerpt,
            PublishedAt, ids.TagIds, ids.CoverId, ImageIds(ids, body), Document.CanonicalUrl);
    }

    /// <summary>
    /// The images the file lists, then those its body places that the list leaves out but its cover; without a
    /// list, the body's. A body that restates the stored one adds none: it may place its cover or an image it does
    /// not list, as a body stored before today's rules may, and the API keeps such a body as it is.
    /// </summary>
    private List<long> ImageIds(ReferenceIds ids, string body) => Document.ListedImageIds is not { } listed ? [.. ids.ImageIds.Distinct()]
        : body == StoredBody ? [.. listed.Distinct()]
        : [.. listed.Concat(ids.ImageIds.Where(id => id != ids.CoverId)).Distinct()];
}

/// <summary>What an article refers to: its authors and tags, its body's images (one per image, in order) and its cover.</summary>
internal sealed record ReferenceIds(List<long> AuthorIds, List<long> TagIds, List<long> ImageIds, long? CoverId);

