using Tomlyn;
using Tomlyn.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContentApi.Import;

/// <summary>
/// The time zone a site's configuration names for the dates its posts write without an offset, read when import is
/// given no <c>--time-zone</c>: Jekyll's and Hexo's <c>timezone</c> in <c>_config.yml</c> (beside <c>_posts</c>, or
/// Hexo's <c>source/_posts</c>), Hugo's <c>timeZone</c> (any case, as Hugo reads its keys) in <c>hugo.toml</c>,
/// <c>hugo.yaml</c> or an older <c>config.toml</c>/<c>config.yaml</c> beside <c>content</c> or <c>archetypes</c>. The
/// nearest such file at or above the post's folder decides, past the folder imported (Hexo is imported by its
/// <c>source/_posts</c>); a blank value, which Hexo reads as the machine's own zone, names none. Each folder is
/// looked at once.
/// </summary>
public sealed class SiteTimeZones
{
    private readonly Dictionary<string, (TimeZoneInfo? Zone, ImportProblem? Problem)> _byFolder = new(StringComparer.Ordinal);
    private readonly HashSet<ImportProblem> _told = [];

    /// <returns>
    /// The zone, or null; a problem, with the first post that reads the file only, when it names a zone this machine
    /// does not know or cannot be read.
    /// </returns>
    public (TimeZoneInfo? Zone, ImportProblem? Problem) Of(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        if (!_byFolder.TryGetValue(folder, out var found))
        {
            found = _byFolder[folder] = Find(folder);
        }
        return found.Problem is { } problem && !_told.Add(problem) ? (found.Zone, null) : found;
    }

    private static (TimeZoneInfo?, ImportProblem?) Find(string start)
    {
        for (var folder = start; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (SettingsIn(folder) is { } settings)
            {
                return Read(settings);
            }
        }
        return (null, null);
    }

    /// <summary>Jekyll's or Hexo's <c>_config.yml</c> (Hexo keeps its posts in <c>source/_posts</c>), else Hugo's settings (<see cref="SiteKinds"/>).</summary>
    private static string? SettingsIn(string folder) =>
        SiteKinds.IsJekyllSite(folder) || (File.Exists(Path.Combine(folder, "_config.yml")) && Directory.Exists(Path.Combine(folder, "source", "_posts")))
            ? Path.Combine(folder, "_config.yml")
            : SiteKinds.HugoSettings(folder) is { } hugo && !hugo.EndsWith(".json", StringComparison.Ordinal) ? hugo : null;

    private static (TimeZoneInfo?, ImportProblem?) Read(string settings)
    {
        string text;
        try
        {
            text = File.ReadAllText(settings);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, new ImportProblem(settings, 1, $"not read ({exception.Message}): dates without an offset are read as UTC unless import is given --time-zone.", ImportSeverity.Warning));
        }
        var (name, line) = settings.EndsWith(".toml", StringComparison.Ordinal) ? TomlZone(text) : YamlZone(text, Path.GetFileName(settings) == "_config.yml" ? "timezone" : null);
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, null);
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(name.Trim(), out var zone)
            ? (zone, null)
            : (null, new ImportProblem(settings, line,
                $"time zone '{name.Trim()}' is none this machine knows: dates without an offset are read as UTC unless import is given --time-zone.", ImportSeverity.Warning));
    }

    /// <summary>The top-level key's scalar value and its line, read from the parser's events (no node tree: no depth or alias to bound).</summary>
    /// <param name="key">The key in this case; null: Hugo's <c>timeZone</c> in any case.</param>
    private static (string? Value, int Line) YamlZone(string yaml, string? key)
    {
        var parser = new Parser(new StringReader(yaml));
        var (depth, atKey, wanted) = (0, true, false);
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        depth++;
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        atKey = depth == 1 ? !atKey : atKey;
                        break;
                    case Scalar scalar when depth == 1 && wanted:
                        return (scalar.Value, (int)scalar.Start.Line);
                    case Scalar scalar when depth == 1 && atKey:
                        wanted = key is null ? scalar.Value.Equals("timeZone", StringComparison.OrdinalIgnoreCase) : scalar.Value == key;
                        atKey = false;
                        break;
                    case Scalar or AnchorAlias when depth == 1:
                        atKey = true;
                        break;
                }
                if (wanted && depth > 1)
                {
                    return (null, 0);
                }
            }
        }
        catch (YamlException)
        {
            return (null, 0);
        }
        return (null, 0);
    }

    private static (string? Value, int Line) TomlZone(string toml)
    {
        try
        {
            var table = TomlSerializer.Deserialize<TomlTable>(toml, new TomlSerializerOptions { MaxDepth = YamlShape.MaxDepth }) ?? [];
            return table.FirstOrDefault(entry => entry.Key.Equals("timeZone", StringComparison.OrdinalIgnoreCase)).Value is string zone ? (zone, 1) : (null, 0);
        }
        catch (TomlException)
        {
            return (null, 0);
        }
    }
}
