using System.Text;
using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// Takes the byline, image captions and credits, and the title out of a body, then cuts what is left around the
/// image URLs. Only whole lines are ever removed; every other character stays as it was, line endings included.
/// </summary>
internal sealed class BodyReader
{
    /// <summary>A byline counts among the first or the last this many non-blank lines.</summary>
    public const int BylineWindow = 6;

    private readonly string _file;
    private readonly int _firstFileLine;
    private readonly string _body;
    private readonly List<ImportProblem> _problems;
    private readonly BodyScan _scan;
    private readonly bool[] _consumed;
    private readonly List<BodyImage> _imported = [];

    /// <summary>The body's images, a path among them resolved where the file's page is.</summary>
    private readonly List<BodyImage> _images;

    /// <param name="firstFileLine">The file line of the body's first line, for problems.</param>
    /// <param name="imagePage">Where the file's page is, to resolve images given as paths (<see cref="ImageBaseUrl"/>); null: they stay as written.</param>
    /// <param name="othersTags">Whether other generators' tags are read and told (a body written for this API has none: they are its text).</param>
    public BodyReader(string file, int firstFileLine, string body, List<ImportProblem> problems, Uri? imagePage = null, bool othersTags = true)
    {
        _file = file;
        _firstFileLine = firstFileLine;
        _body = body;
        _problems = problems;
        _scan = new BodyScan(body, othersTags, Path.GetFileNameWithoutExtension(file));
        _images = [.. _scan.Images.Select(image => image with { Url = ImageBaseUrl.Resolve(imagePage, image.Url) })];
        _consumed = new bool[_scan.Lines.Count];
        // A Hugo figure import makes an image of, or an embed it makes a link of, is no shortcode left for readers; a
        // figure of a picture it cannot take is.
        var readLines = _images.Where(image => image.Figure is not null && IsImportable(image.Url)).Select(image => image.Line)
            .Concat(_scan.Embeds.Select(embed => embed.Line)).ToHashSet();
        readLines.UnionWith(_scan.CodeLines);
        foreach (var (line, warning) in othersTags ? ForeignSyntax.In(_scan.Lines, readLines) : [])
        {
            _problems.Add(new ImportProblem(_file, FileLine(line), warning, ImportSeverity.Warning));
        }
    }

    private TextLines Lines => _scan.Lines;

    public IReadOnlyList<string>? TakeByline()
    {
        var content = Enumerable.Range(0, Lines.Count).Where(i => !Lines.IsBlank(i)).ToList();
        var window = content.Take(BylineWindow).Concat(content.Skip(Math.Max(BylineWindow, content.Count - BylineWindow)));
        foreach (var line in window)
        {
            if (IsConsumable(line) && IsParagraphOfItsOwn(line) && Bylines.Names(Lines.Trimmed(line)) is { } names)
            {
                _consumed[line] = true;
                return names;
            }
        }
        return null;
    }

    public IReadOnlyList<ImportImage> TakeImages()
    {
        var images = new List<ImportImage>();
        foreach (var image in _images)
        {
            var fileLine = FileLine(image.Line);
            if (image.IsReferenceStyle)
            {
                _problems.Add(new ImportProblem(_file, fileLine,
                    "Reference-style image left as written: only ![alt](url) images are imported.", ImportSeverity.Warning));
                continue;
            }
            if (image.UrlStart < 0 || string.IsNullOrWhiteSpace(image.Url))
            {
                _problems.Add(new ImportProblem(_file, fileLine, $"Image '{image.AltText}' has an empty URL."));
                continue;
            }
            // An image:ID is already stored, with its caption and credit; lines after it are article text.
            var storedId = ImageReferences.ParseId(image.Url);
            if (storedId is null && ImageReferences.IsReference(image.Url))
            {
                _problems.Add(new ImportProblem(_file, fileLine, BrokenImageReference.Problem(image.AltText, image.Url)));
                continue;
            }
            if (!IsImportable(image.Url))
            {
                // The API stores such a body as written (a relative path may be the site's own), so its export imports
                // back; an http(s) URL the API would not store as an image's still fails the file, as a mistake to mend.
                _problems.Add(new ImportProblem(_file, fileLine,
                    $"Image '{image.AltText}' left as written, with the lines after it: {image.Url} is no http or https URL, so it is not stored as an image (a path becomes one with import's --image-base-url).",
                    ImportSeverity.Warning));
                continue;
            }
            var (caption, credit) = image.Figure is { LinesAfterDescribe: false } figure ? (figure.Caption, figure.Credit)
                : image.IsStandalone && storedId is null ? TakeAnnotations(image.Line)
                : (null, null);
            // A tag giving a caption of its own (WordPress's [caption]) keeps it; the lines under it may still credit it.
            caption = image.Figure?.Caption ?? caption;
            if (credit is not null && image.Figure is not { LinesAfterDescribe: false })
            {
                CreditTheRowAbove(images, image.Line, credit);
            }
            images.Add(new ImportImage(images.Count, image.Url, image.AltText, caption, credit, fileLine)
            {
                WrittenDestination = storedId is null ? null : _body.Substring(image.UrlStart, image.UrlLength),
            });
            _imported.Add(image);
        }
        return images;
    }

    /// <summary>An http(s) URL, or an <c>image:</c> reference (to a stored image, or naming none: a mistake the file fails for, see <see cref="BrokenImageReference"/>).</summary>
    private static bool IsImportable(string url) => TextRules.StartsAsHttpUrl(url) || ImageReferences.IsReference(url);

    /// <summary>
    /// Gives a credit taken under an image to the images of its row, each alone on the line right above (the HTML reads
    /// a credit under a row so: "圖／中央社" under two agency photos credits both), that have none; the caption stays the
    /// last one's.
    /// </summary>
    private void CreditTheRowAbove(List<ImportImage> images, int line, string credit)
    {
        for (var i = images.Count - 1; i >= 0 && _imported[i].EndLine == line - 1 && _imported[i].IsStandalone && images[i].ExistingImageId is null; i--)
        {
            if (images[i].Credit is null)
            {
                images[i] = images[i] with { Credit = credit };
            }
            line = _imported[i].Line;
        }
    }

    /// <summary>
    /// The first level-1 heading; else the first heading or paragraph line, whichever comes first; with its line in
    /// the file.
    /// </summary>
    /// <param name="writtenBlank">Whether the front matter gave a title of "" or spaces, which the warning then says.</param>
    public (string Text, int Line)? TakeTitle(bool writtenBlank = false)
    {
        var heading = _scan.Headings.FirstOrDefault(h => h.Level == 1 && IsUsable(h));
        if (heading is not null)
        {
            return (Consume(heading), FileLine(heading.Line));
        }
        for (var line = 0; line < Lines.Count; line++)
        {
            if (_scan.Kind(line) == LineKind.Heading)
            {
                var lineHeading = _scan.Headings.First(h => h.Line <= line && line <= h.EndLine);
                if (IsUsable(lineHeading))
                {
                    return (Consume(lineHeading), FileLine(lineHeading.Line));
                }
                continue;
            }
            if (IsConsumable(line))
            {
                _consumed[line] = true;
                _problems.Add(new ImportProblem(_file, FileLine(line),
                    writtenBlank ? "The front matter's title is blank and there is no heading: the first line is the title."
                        : "No title in front matter and no heading: the first line is the title.", ImportSeverity.Warning));
                return (Lines.Trimmed(line), FileLine(line));
            }
        }
        return null;
    }

    /// <summary>The body without the consumed lines, its Hugo embeds as links, split around the URLs of the imported images.</summary>
    public IReadOnlyList<string> BodyParts()
    {
        var removed = RemovedLines();
        var embeds = _scan.Embeds.ToDictionary(embed => embed.Line);
        var parts = new List<string>(_imported.Count + 1);
        var part = new StringBuilder(_body.Length);
        var next = 0;
        for (var line = 0; line < Lines.Count; line++)
        {
            if (removed[line])
            {
                continue;
            }
            var position = Lines.Start(line);
            var end = Lines.End(line);
            if (embeds.TryGetValue(line, out var embed))
            {
                part.Append(_body, position, embed.Start - position).Append('<').Append(embed.Url).Append('>');
                position = embed.Start + embed.Length;
            }
            for (; next < _imported.Count && _imported[next].UrlStart < end; next++)
            {
                part.Append(_body, position, _imported[next].UrlStart - position).Append(_imported[next].Figure?.Before);
                parts.Add(part.ToString());
                part.Clear().Append(_imported[next].Figure?.After);
                position = _imported[next].UrlStart + _imported[next].UrlLength;
            }
            part.Append(_body, position, end - position);
        }
        parts.Add(part.ToString());
        return parts;
    }

    private (string? Caption, string? Credit) TakeAnnotations(int imageLine)
    {
        string? caption = null;
        var next = NextNonBlank(imageLine);
        if (next < 0 || !IsConsumable(next))
        {
            return (null, null);
        }
        if (ImageAnnotations.EmphasisedCaption(Lines.Trimmed(next)) is { } emphasised)
        {
            caption = emphasised;
            _consumed[next] = true;
            next = NextNonBlank(next);
        }
        else if ((next == imageLine + 1 || IsSentenceCaptionParagraph(imageLine, next))
            && ImageAnnotations.CaptionAboveCredit(Lines.Trimmed(next)) is { } aboveCredit && IsCreditLine(imageLine, NextNonBlank(next)))
        {
            caption = aboveCredit;
            _consumed[next] = true;
            next = NextNonBlank(next);
        }
        else if (next == imageLine + 1 && ImageAnnotations.CaptionWithRunInCredit(Lines.Trimmed(next), NextNonBlank(next) is >= 0 and var below ? Lines.Trimmed(below) : null)
            is var (runInCaption, runInCredit))
        {
            _consumed[next] = true;
            return (runInCaption, runInCredit);
        }
        if (!IsCreditLine(imageLine, next))
        {
            return (caption, null);
        }
        _consumed[next] = true;
        return (caption, ImageAnnotations.CreditText(Lines.Trimmed(next)));
    }

    /// <summary>
    /// A caption in a one-line paragraph of its own under the image's, above a one-line paragraph that names a picture's source,
    /// as CMS exports write a caption and its credit, one &lt;p&gt; each, and as the article's HTML reads them
    /// (FigureLabels' sentence above a credit paragraph).
    /// </summary>
    private bool IsSentenceCaptionParagraph(int imageLine, int line)
    {
        var credit = NextNonBlank(line);
        return line > imageLine + 1 && (line + 1 == Lines.Count || Lines.IsBlank(line + 1))
            && credit > line + 1 && Rendering.FigureLabels.NamesPictureSource(Lines.Trimmed(credit));
    }

    /// <summary>
    /// A credit line in the image's own paragraph, or one that ends its paragraph (or comes before the next image of
    /// it), as the HTML takes labels: the first line of a wrapped paragraph of its own is none.
    /// </summary>
    private bool IsCreditLine(int imageLine, int line) =>
        line >= 0 && IsConsumable(line) && ImageAnnotations.IsCredit(Lines.Trimmed(line))
        && (InParagraphOf(imageLine, line) || line == Lines.Count - 1 || _scan.Kind(line + 1) != LineKind.Paragraph || _scan.HasImage(line + 1));

    /// <summary>Whether the lines from the image's to this one are one paragraph.</summary>
    private bool InParagraphOf(int imageLine, int line) =>
        Enumerable.Range(imageLine + 1, line - imageLine).All(l => _scan.Kind(l) == LineKind.Paragraph);

    /// <summary>
    /// The consumed lines, and the blank lines around them that would otherwise pile up: of the blank lines before
    /// and after a consumed stretch, one side is kept, so paragraphs stay apart and never merge. At the very top
    /// both sides go, so the body starts with its first kept line.
    /// </summary>
    private bool[] RemovedLines()
    {
        var removed = new bool[Lines.Count];
        var line = 0;
        while (line < Lines.Count)
        {
            if (!_consumed[line] && !Lines.IsBlank(line))
            {
                line++;
                continue;
            }
            var start = line;
            while (line < Lines.Count && (_consumed[line] || Lines.IsBlank(line)))
            {
                line++;
            }
            var end = line - 1;
            var firstConsumed = Array.IndexOf(_consumed, true, start, end - start + 1);
            if (firstConsumed < 0)
            {
                continue;
            }
            var lastConsumed = Array.LastIndexOf(_consumed, true, end, end - start + 1);
            var atTop = start == 0;
            var keepAfter = !atTop && (end == Lines.Count - 1 || lastConsumed < end);
            var keepBefore = !atTop && !keepAfter;
            for (var i = start; i <= end; i++)
            {
                removed[i] = i < firstConsumed ? !keepBefore : i <= lastConsumed || !keepAfter;
            }
        }
        return removed;
    }

    private bool IsConsumable(int line) =>
        _scan.Kind(line) == LineKind.Paragraph && !_scan.HasImage(line) && !_consumed[line];

    /// <summary>Not one line of a wrapped sentence ("designed jointly⏎by Apple and Google."): nothing of its paragraph around it.</summary>
    private bool IsParagraphOfItsOwn(int line) =>
        (line == 0 || _scan.Kind(line - 1) != LineKind.Paragraph) && (line == Lines.Count - 1 || _scan.Kind(line + 1) != LineKind.Paragraph);

    private bool IsUsable(BodyHeading heading) =>
        heading.Text.Length > 0 && !_consumed[heading.Line] &&
        !Enumerable.Range(heading.Line, heading.EndLine - heading.Line + 1).Any(_scan.HasImage);

    private string Consume(BodyHeading heading)
    {
        for (var i = heading.Line; i <= heading.EndLine; i++)
        {
            _consumed[i] = true;
        }
        return heading.Text;
    }

    private int NextNonBlank(int line)
    {
        for (var i = line + 1; i < Lines.Count; i++)
        {
            if (!Lines.IsBlank(i))
            {
                return i;
            }
        }
        return -1;
    }

    private int FileLine(int bodyLine) => _firstFileLine + bodyLine;
}
