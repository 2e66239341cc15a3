using ContentApi.Articles;
using ContentApi.Authors;
using ContentApi.Http.Writes;
using ContentApi.Images;
using ContentApi.Tags;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Import;

/// <summary>What the API's rules say against a file's article, the authors and tags it names and the images it gives.</summary>
public sealed partial class MarkdownImporter
{
    /// <summary>
    /// Adds what the API's rules say against the file's article, its author and tag names and the images it would
    /// create; true when no problem of the file (the parser's too) is an error and every stored image it names exists.
    /// </summary>
    private async Task<bool> PassesRulesAsync(
        string path, ImportDocument document, ArticleRequest standIn, ArticleAggregate? existing, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(standIn, cancellationToken);
        if (!validation.IsValid && existing is not null)
        {
            // As a PUT is judged: a value stored before a rule existed (a language such as 'jp', a title past today's
            // length), which the file restates, does not fail it; one it changes is judged by today's rules.
            validation = await AnswerableErrors.OfAsync(validator, validation, existing.ToRequest(), standIn, cancellationToken);
        }
        foreach (var error in validation.Errors)
        {
            var key = FileKey(Http.Binding.ValidationFilter.ToJsonPath(error.PropertyName));
            problems.Add(new ImportProblem(path, document.KeyLines.GetValueOrDefault(key, 1),
                error.ErrorMessage == TextRules.ControlCharacterMessage && error.AttemptedValue is string text ? ControlCharacters.Problem(key, text) : $"{key}: {error.ErrorMessage}"));
        }
        // What the store refuses of the body: the images it places that neither imageIds nor the cover gives (told as the
        // API tells them, those no image has apart), and of a new body, one too complex to store or placing no image.
        if (validation.IsValid)
        {
            await AddBodyProblemsAsync(path, document, ArticleStore.BodyProblemOf(standIn, existing), problems, cancellationToken);
        }
        await AddNameProblemsAsync(path, document, problems, cancellationToken);
        await AddNewImageProblemsAsync(path, document, problems, cancellationToken);
        // Only once the file is otherwise valid: it then names at most the 500 images an article may have.
        return !problems.Any(p => p.Severity == ImportSeverity.Error) && await AddMissingImagesAsync(path, document, problems, cancellationToken) == 0;
    }

    /// <summary>Reports what the store refuses of the body, at its line; the database is asked only of unlisted images it places.</summary>
    private async Task AddBodyProblemsAsync(string path, ImportDocument document, BodyProblem bodyProblem, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        string[] messages = bodyProblem.Refusal is { } refusal ? [refusal] : [];
        if (bodyProblem.Refusal is null && bodyProblem.UnlistedImageIds.Count > 0)
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            messages = await UnlistedImages.MessagesAsync(connection, null, bodyProblem.UnlistedImageIds, cancellationToken);
        }
        foreach (var message in messages)
        {
            problems.Add(new ImportProblem(path, document.KeyLines.GetValueOrDefault("body", 1), $"body: {message}"));
        }
    }

    /// <summary>The front-matter key of a member of the API's request (<c>authorIds[3]</c> is given by <c>authors</c>).</summary>
    private static string FileKey(string member)
    {
        var name = member.Split('[', '.')[0];
        return name switch
        {
            "authorIds" => "authors",
            "tagIds" => "tags",
            "coverImageId" => "cover",
            _ => name,
        };
    }

    /// <summary>
    /// What the rules say against the authors and tags the file would create: one found by its slug is stored already,
    /// its slug perhaps from before today's rules, and an export names it so.
    /// </summary>
    private async Task AddNameProblemsAsync(string path, ImportDocument document, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var names = new List<(string What, NamedRef Named, FluentValidation.Results.ValidationResult Result)>();
        await using var connection = await db.OpenAsync(cancellationToken);
        foreach (var (table, named) in document.Authors.Select(named => ("authors", named)).Concat(document.Tags.Select(named => ("tags", named))))
        {
            if (named.Slug is not null && await connection.ExecuteScalarAsync<long?>(ImportLookups.FindSql(table, named), ImportLookups.FindKey(named)) is not null)
            {
                continue;
            }
            names.Add(table == "authors"
                ? ("author", named, await authorValidator.ValidateAsync(ImportRequests.AuthorRequestOf(named), cancellationToken))
                : ("tag", named, await tagValidator.ValidateAsync(ImportRequests.TagRequestOf(named), cancellationToken)));
        }
        foreach (var (what, named, result) in names)
        {
            foreach (var error in result.Errors)
            {
                var (part, value) = error.PropertyName switch
                {
                    nameof(AuthorRequest.Slug) => ("slug", named.Slug),
                    nameof(AuthorRequest.Bio) => ("bio", named.Details?.Text),
                    nameof(TagRequest.Description) => ("description", named.Details?.Text),
                    _ => ("name", named.Name),
                };
                problems.Add(new ImportProblem(path, document.KeyLines.GetValueOrDefault(what + "s", 1), $"The {what} {part} '{Http.Errors.Echoed.Cut(value ?? "")}': {error.ErrorMessage}"));
            }
        }
    }

    /// <summary>Reports each image given by URL (to be found or created) that the image rules refuse, at its line.</summary>
    private async Task AddNewImageProblemsAsync(string path, ImportDocument document, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var newImages = document.Images.Where(i => i.ExistingImageId is null).Select(i => (Request: ImportRequests.ImageRequestOf(i), i.Line))
            .Concat(document.CoverImage is { ExistingImageId: null } cover ? [(ImportRequests.ImageRequestOf(cover), document.CoverLine)] : []);
        foreach (var (image, line) in newImages)
        {
            if (await imageValidator.ValidateAsync(image, cancellationToken) is { IsValid: false } invalid)
            {
                problems.Add(new ImportProblem(path, line, ImportRequests.ImageProblem(image, invalid)));
            }
        }
    }

    /// <summary>
    /// Reports each <c>image:ID</c> and each id of <c>imageIds</c> (an exported article's) whose image is not in this
    /// database, at its line; returns how many.
    /// </summary>
    private async Task<int> AddMissingImagesAsync(string path, ImportDocument document, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var referenced = document.Images.Where(i => i.ExistingImageId is not null).Select(i => (Id: i.ExistingImageId!.Value, i.Url, i.Line))
            .Concat(document.CoverImage is { ExistingImageId: { } coverId } cover ? [(coverId, cover.Url, document.CoverLine)] : [])
            .Concat((document.ListedImageIds ?? []).Select(id => (Id: id, Url: ImageReferences.For(id), Line: document.KeyLines.GetValueOrDefault("imageIds", 1))))
            .Distinct().ToList();
        if (referenced.Count == 0)
        {
            return 0;
        }
        await using var connection = await db.OpenAsync(cancellationToken);
        var stored = (await ImageStore.GetManyAsync(connection, null, [.. referenced.Select(r => r.Id)], cancellationToken)).Select(i => i.Id).ToHashSet();
        var missing = referenced.Where(r => !stored.Contains(r.Id)).ToList();
        foreach (var (_, url, line) in missing)
        {
            problems.Add(new ImportProblem(path, line, $"Image {url} does not exist in this database: import the export it came from whole, or link the image's URL."));
        }
        return missing.Count;
    }
}
