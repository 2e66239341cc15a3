namespace ContentApi.Import;

public enum ImportSeverity
{
    /// <summary>The file cannot be imported.</summary>
    Error,

    /// <summary>The file is imported; something in it was ignored or guessed.</summary>
    Warning,
}

/// <summary>Something wrong with an import file, at a 1-based line of that file.</summary>
public sealed record ImportProblem(string File, int Line, string Message, ImportSeverity Severity = ImportSeverity.Error)
{
    public override string ToString() => $"{File}:{Line}: {Severity.ToString().ToLowerInvariant()}: {Message}";

    /// <summary>A value a problem quotes: its first 100 characters, so that a 70,000-character bio is no line of its own.</summary>
    public static string Shortened(string value) =>
        value.Length <= 100 ? value : value[..(char.IsHighSurrogate(value[99]) ? 99 : 100)] + "…";
}
