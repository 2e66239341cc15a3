using ContentApi.Http.Json;
using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// Reads one Markdown file into an <see cref="ImportDocument"/>. Pure: no files, database or clock.
/// <list type="bullet">
/// <item>Front matter (YAML between <c>---</c> lines at the top, Hugo's TOML between <c>+++</c> lines, or its JSON object at the top) gives the fields; see <see cref="FrontMatterReader"/>
/// and, for <c>draft</c>, <see cref="PublicationState"/>.</item>
/// <item>Without a front-matter title, the first <c># heading</c> is the title, else the first heading or paragraph
/// line (with a warning); that line leaves the body.</item>
/// <item>Without an <c>authors</c> key, a byline that is a paragraph of its own among the first or last few lines names
/// the authors and leaves the body.</item>
/// <item>Every <c>![alt](url)</c> becomes an <see cref="ImportImage"/>; a caption and a credit line right after a
/// standalone image become its <see cref="ImportImage.Caption"/> and <see cref="ImportImage.Credit"/> and leave the body.</item>
/// <item>A post without a date is published on the date its file name gives (<see cref="FileNameDate"/>).</item>
/// <item>Jekyll's and Hugo's highlight tags around code become a code fence (<see cref="HighlightBlocks"/>), and Jekyll's raw
/// tags leave what they wrap (<see cref="LiquidRaw"/>); not in a file that names <c>imageIds</c> (an export), whose body is this API's Markdown.</item>
/// <item>Everything else is kept exactly: no Unicode normalisation, CRLF stays CRLF. A leading byte-order mark is dropped.</item>
/// </list>
/// Errors (bad front matter, an unsupported publishedAt or status, an image with an empty URL, no title) mean the
/// file is not imported at all, so a half-imported article never reaches the site; every error is reported at once.
/// </summary>
public static class MarkdownImportParser
{
    public static ImportResult Parse(string fileName, string content, ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var (imagePage, slugFromFileName, defaultAuthor, siteZone, profiles, fileExistsBeside, site) = options ?? ParseOptions.None;
        var problems = new List<ImportProblem>();
        var text = content.StartsWith('\uFEFF') ? content[1..] : content;

        var frontMatter = FrontMatterBlock.Find(text, out var frontMatterError);
        if (frontMatterError is not null)
        {
            problems.Add(new ImportProblem(fileName, 1, frontMatterError));
            return new ImportResult(null, problems);
        }
        var fields = frontMatter is null ? FrontMatterFields.None : ReadFrontMatter(fileName, frontMatter, problems, imagePage, siteZone, fileExistsBeside, site);
        problems.AddRange(frontMatter?.RepeatedKeys.Select(repeated => new ImportProblem(fileName, repeated.Line,
            $"'{repeated.Key}' ignored: given on an earlier line, which is kept.", ImportSeverity.Warning)) ?? []);
        if (fields is { PublishedAt: null, Draft: not true } && fields.Status != "draft" && FileNameDate.Written(fileName) is { } nameDate)
        {
            if (FileNameDate.Of(fileName, siteZone) is { UtcDateTime.Year: >= UtcDateTimeOffsetConverter.FirstYear and <= UtcDateTimeOffsetConverter.LastYear } postDate)
            {
                fields = fields with { PublishedAt = postDate };
            }
            else
            {
                problems.Add(new ImportProblem(fileName, 1,
                    $"The file name's date, {nameDate}, is no day of the years {UtcDateTimeOffsetConverter.FirstYear} to {UtcDateTimeOffsetConverter.LastYear} in UTC: the post has no date from it.", ImportSeverity.Warning));
            }
        }
        // Front matter that failed may well have held the title: looking for one in the body would only mislead.
        var frontMatterFailed = problems.Any(p => p.Severity == ImportSeverity.Error);
        var (status, publishedAt) = PublicationState.Of(fileName, fields, problems);
        var bodyFirstLine = frontMatter?.BodyFirstLine ?? 1;
        // A file naming imageIds is written for this API (its Markdown export always names them): what other generators
        // would read as their tags is its text, which an article about Hugo or Jekyll holds.
        var othersTags = fields.ImageIds is null;
        var writtenBody = frontMatter is null ? text : text[frontMatter.BodyStart..];
        if (TextRules.IndexOfControlCharacter(writtenBody) is var control and >= 0)
        {
            // Told at its own line: the API's rule would name only the body, at its first line.
            problems.Add(new ImportProblem(fileName, bodyFirstLine + LineBreaks.LineAtEnd(writtenBody.AsSpan(0, control)) - 1, ControlCharacters.Problem("body", writtenBody)));
        }
        var bodyText = othersTags ? HexoQuotes.AsQuotes(HighlightBlocks.AsFences(LiquidRaw.Unwrapped(writtenBody))) : writtenBody;
        // Reading the body's headings and images would take the parser seconds. Such a body stays when stored (imported
        // from an export, or from before the bound), so a file that names all the body could give (title, authors and
        // the images, as an export writes them) has it taken whole, for the importer to accept only as the stored one.
        var unscanned = !MarkdownScanCost.IsWithinBudget(bodyText);
        if (unscanned && (fields is { Title: null } or { Authors: null } or { ImageIds: null } || frontMatterFailed))
        {
            problems.Add(new ImportProblem(fileName, bodyFirstLine, MarkdownScanCost.Explanation));
            return new ImportResult(null, problems);
        }
        BodyReader? body = null;
        try
        {
            body = unscanned ? null : new BodyReader(fileName, bodyFirstLine, bodyText, problems, imagePage, othersTags);
        }
        catch (MarkdownTooComplexException exception)
        {
            problems.Add(new ImportProblem(fileName, bodyFirstLine, $"body: {exception.Message}"));
            return new ImportResult(null, problems);
        }

        var authors = fields.Authors ?? body?.TakeByline()?.Select(name => new NamedRef(name)).ToList() ?? [];
        if (authors.Count == 0 && defaultAuthor is not null)
        {
            authors = [new NamedRef(defaultAuthor)];
        }
        authors = SiteProfiles.Resolve(authors, profiles?.Authors, fileName, fields.KeyLines.GetValueOrDefault("authors", 1), problems);
        var images = body?.TakeImages() ?? [];
        var keyLines = new Dictionary<string, int>(fields.KeyLines) { ["body"] = bodyFirstLine };
        var title = fields.Title;
        if (title is null && !frontMatterFailed && body?.TakeTitle(writtenBlank: fields.KeyLines.ContainsKey("title")) is var (heading, headingLine))
        {
            title = heading;
            keyLines["title"] = headingLine;
        }
        if (title is null && !frontMatterFailed)
        {
            problems.Add(new ImportProblem(fileName, 1, "No title: give 'title' in front matter or start the file with a '# heading'."));
        }
        if (title is null || problems.Any(p => p.Severity == ImportSeverity.Error))
        {
            return new ImportResult(null, problems);
        }
        var document = new ImportDocument(body?.BodyParts() ?? [bodyText], images)
        {
            BodyUnscanned = unscanned,
            Title = title,
            Slug = fields.Slug ?? (slugFromFileName ? FileNameSlug.Of(fileName) : null),
            Subtitle = fields.Subtitle,
            Excerpt = fields.Excerpt,
            Language = fields.Language,
            Status = status,
            PublishedAt = publishedAt,
            Authors = authors,
            Tags = SiteProfiles.Resolve(fields.Tags, profiles?.Tags, fileName, fields.KeyLines.GetValueOrDefault("tags", 1), problems),
            CoverImage = fields.Cover,
            CoverLine = fields.CoverLine,
            CanonicalUrl = fields.CanonicalUrl,
            EarlierSlugs = fields.EarlierSlugs,
            ListedImageIds = fields.ImageIds,
            // What the API says of the body is told where the body starts; of a title taken from the body, at its line.
            KeyLines = keyLines,
        };
        return new ImportResult(document, problems);
    }

    /// <summary>The fields of YAML front matter (or metadata lines, read as YAML), or of TOML or JSON read as YAML; a TOML or JSON syntax error is the file's error at its line.</summary>
    private static FrontMatterFields ReadFrontMatter(
        string fileName, FrontMatterBlock frontMatter, List<ImportProblem> problems, Uri? imagePage, TimeZoneInfo? siteZone, Func<string, bool>? fileExistsBeside, SiteKind site)
    {
        if (frontMatter.IsJson)
        {
            var (json, jsonLine, jsonError) = JsonFrontMatter.ToYaml(frontMatter.Text);
            if (json is null)
            {
                problems.Add(new ImportProblem(fileName, frontMatter.FirstLine + jsonLine - 1, $"Front matter is not valid JSON: {jsonError}."));
                return FrontMatterFields.None;
            }
            return new FrontMatterReader(fileName, problems, imagePage, siteZone, frontMatter.FirstLine, fileExistsBeside, site).Read(json);
        }
        if (!frontMatter.IsToml)
        {
            return new FrontMatterReader(fileName, problems, imagePage, siteZone, frontMatter.FirstLine, fileExistsBeside, site).Read(frontMatter.Text);
        }
        var (yaml, line, error) = TomlFrontMatter.ToYaml(frontMatter.Text);
        if (yaml is null)
        {
            problems.Add(new ImportProblem(fileName, FrontMatterBlock.FirstYamlLine + line - 1, $"Front matter is not valid TOML: {error}"));
            return FrontMatterFields.None;
        }
        return new FrontMatterReader(fileName, problems, imagePage, siteZone, fileExistsBeside: fileExistsBeside, site: site).Read(yaml);
    }
}
