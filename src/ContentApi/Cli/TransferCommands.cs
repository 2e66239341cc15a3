using System.CommandLine;
using ContentApi.Articles;
using ContentApi.Http.Errors;
using ContentApi.Import;
using ContentApi.Transfer;

namespace ContentApi.Cli;

/// <summary><c>export PATH [--markdown]</c> and <c>import PATH</c>.</summary>
public static class TransferCommands
{
    private const string MarkdownFolder = "markdown";

    public static Command Export(TextWriter output, Action<WebApplicationBuilder>? configure)
    {
        var path = PathArgument.Create("Folder to write to: a new or an empty one (created if missing).");
        var markdown = new Option<bool>("--markdown") { Description = "Also write each article as Markdown with YAML front matter under PATH/markdown/." };
        var command = new Command("export", "Write all content as JSON Lines (one file per resource), which import reads back exactly.") { path, markdown };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetRequiredValue(path));
            // Writing over an earlier export would mix its files with this one's (and leave its Markdown files).
            if (File.Exists(folder) || Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                await Console.Error.WriteLineAsync($"{folder} is a file or a folder that is not empty; export into a new or an empty folder.");
                return 1;
            }
            if (await CommandHost.StartExistingAsync(cancellationToken, configure) is not { } app)
            {
                return 1;
            }
            await using var started = app;
            if (Data.DatabaseFile.CompanionSuffix(Path.TrimEndingDirectorySeparator(folder), app.Services.GetRequiredService<Data.Db>().FilePath) is { } suffix)
            {
                await Console.Error.WriteLineAsync(Data.DatabaseFile.CompanionRefusal(Path.TrimEndingDirectorySeparator(folder), suffix));
                return 1;
            }
            // An export stopped part way (Ctrl+C, a full disk) is removed: it has no manifest, so import refuses it, and
            // its files would make the folder refused as not empty when the export is run again.
            var createdFolders = CreatedFolders.Create(folder);
            var done = false;
            try
            {
                var manifest = await new JsonlExporter(app.Services.GetRequiredService<Data.Db>()).ExportAsync(folder, null, cancellationToken);
                if (parse.GetValue(markdown))
                {
                    var written = await Transfer.MarkdownFromExport.WriteAsync(folder, Path.Combine(folder, MarkdownFolder), cancellationToken);
                    await output.WriteLineAsync($"Wrote {written} Markdown {(written == 1 ? "file" : "files")}.");
                }
                await output.WriteLineAsync($"Exported to {folder}: " + string.Join(", ", manifest.Counts.Select(c => $"{c.Value} {(c.Value == 1 ? c.Key.TrimEnd('s') : c.Key)}")) + ".");
                done = true;
                return 0;
            }
            catch (IOException exception) when (DiskRefusal.Reason(exception) is { } reason)
            {
                // .NET's own words named the file being written, not the folder given.
                await Console.Error.WriteLineAsync($"Cannot write the export to {folder}: {reason}; nothing was written to {folder}.");
                return 1;
            }
            finally
            {
                if (!done)
                {
                    RemoveUnfinishedExport(folder);
                    createdFolders.RemoveEmpty();
                }
            }
        });
        return command;
    }

    /// <summary>The files an export writes (its folder was empty when it began; anything else put there stays).</summary>
    private static void RemoveUnfinishedExport(string folder)
    {
        try
        {
            foreach (var file in Transfer.ExportFormat.Tables.Select(Transfer.ExportFormat.FileOf).Append(Transfer.ExportFormat.ManifestFile))
            {
                File.Delete(Path.Combine(folder, file));
            }
            if (Directory.Exists(Path.Combine(folder, MarkdownFolder)))
            {
                Directory.Delete(Path.Combine(folder, MarkdownFolder), recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The failure that stopped the export is what gets reported.
        }
    }

    public static Command Import(TextWriter output, Action<WebApplicationBuilder>? configure)
    {
        var path = PathArgument.Create("A Markdown file, a folder of them (searched recursively), or a folder written by export.");
        var imageBaseUrl = new Option<string?>("--image-base-url")
        {
            Description = "Where the imported folder is served (https://example.com/): an image given as a path, /images/a.png or a page bundle's a.png, becomes an image at the URL a browser resolves it to on the file's page, the file's folder under PATH standing for the page's path.",
        };
        imageBaseUrl.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && ImageBaseUrl.ProblemWith(token.Value) is { } problem)
            {
                result.AddError(problem);
            }
        });
        var slugsFromFileNames = new Option<bool>("--slugs-from-file-names")
        {
            Description = "A file without a slug key gets the slug Jekyll and Hugo make of its name, which the site's URLs hold (_posts/2024-05-01-welcome.md: welcome; posts/qwen/index.md: qwen), not one derived from its title.",
        };
        var author = new Option<string?>("--author")
        {
            Description = "The author of the files that name none in front matter or a byline, as a site's configuration gives one (Hugo's params.author): found by name, or created.",
        };
        author.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && string.IsNullOrWhiteSpace(token.Value))
            {
                result.AddError("--author must name someone; it is empty.");
            }
        });
        var timeZone = new Option<string?>("--time-zone")
        {
            Description = "The site's time zone, as its configuration names it (Hexo's and Jekyll's timezone, Hugo's timeZone: an IANA name such as Asia/Taipei): dates written without an offset (Hexo's 2024-05-01 10:00:00), and a Jekyll post's file-name date, are read on its clock. Without it, the zone the site's configuration names (_config.yml, hugo.toml) above the folder, else UTC, with a warning for each time without an offset.",
        };
        timeZone.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && !TimeZoneInfo.TryFindSystemTimeZoneById(token.Value, out _))
            {
                result.AddError($"--time-zone: '{token.Value}' is no time zone this machine knows; give an IANA name such as Asia/Taipei or Europe/Berlin, or UTC.");
            }
        });
        var command = new Command("import", "Import Markdown articles (front matter, images with credits, bylines), or an export folder into an empty database.")
        {
            path,
            imageBaseUrl,
            slugsFromFileNames,
            author,
            timeZone,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = Path.GetFullPath(parse.GetRequiredValue(path));
            var options = new ImportOptions(
                parse.GetValue(imageBaseUrl) is { } givenBase ? ImageBaseUrl.Create(givenBase, Directory.Exists(source) ? source : Path.GetDirectoryName(source) ?? source) : null,
                parse.GetValue(slugsFromFileNames),
                parse.GetValue(author)?.Trim(),
                parse.GetValue(timeZone) is { } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : null,
                new SiteProfileFiles(Directory.Exists(source) ? source : Path.GetDirectoryName(source) ?? source));
            await using var app = await CommandHost.StartMigratedAsync(cancellationToken, configure);
            if (Directory.Exists(source) && JsonlImporter.IsExportFolder(source))
            {
                try
                {
                    var counts = await new JsonlImporter(app.Services.GetRequiredService<Data.Db>(), app.Services.GetRequiredService<TimeProvider>()).ImportAsync(source, null, cancellationToken);
                    await output.WriteLineAsync("Imported export: " + string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}")) + ".");
                    return 0;
                }
                catch (Exception exception) when (exception is InvalidOperationException or InvalidDataException or System.Text.Json.JsonException)
                {
                    await Console.Error.WriteLineAsync(TerminalText.Escaped(exception.Message));
                    return 1;
                }
            }
            var listing = File.Exists(source) ? new MarkdownFiles.Listing([source], [])
                : Directory.Exists(source) ? MarkdownFiles.List(source)
                : null;
            if (listing is not var (files, leftOut))
            {
                await Console.Error.WriteLineAsync($"{source} does not exist.");
                return 1;
            }
            if (files.Length == 0 && Transfer.ExportFormat.Tables.Any(table => File.Exists(Path.Combine(source, Transfer.ExportFormat.FileOf(table)))))
            {
                await Console.Error.WriteLineAsync($"{source} holds an export's JSON Lines files but no {Transfer.ExportFormat.ManifestFile}: not a whole export.");
                return 1;
            }
            var importer = ActivatorUtilities.CreateInstance<MarkdownImporter>(app.Services);
            var summary = new ImportSummary { FilesLeftOut = leftOut.Count };
            foreach (var (file, why) in leftOut)
            {
                await output.WriteLineAsync(TerminalText.Escaped(new ImportProblem(file, 1, why, ImportSeverity.Warning).ToString()));
            }
            await ProgressReporter.RunAsync("Importing", files.Length, async report =>
            {
                foreach (var file in files)
                {
                    foreach (var problem in await importer.ImportFileAsync(file, summary, options, cancellationToken))
                    {
                        await output.WriteLineAsync(TerminalText.Escaped(problem.ToString()));
                    }
                    report(summary.FilesRead);
                }
            }, output, linesWhenRedirected: false);
            await output.WriteLineAsync(summary.ToString());
            return summary.Failed == 0 ? 0 : 1;
        });
        return command;
    }
}
