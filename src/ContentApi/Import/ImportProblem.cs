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
}
