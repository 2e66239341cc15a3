namespace ContentApi.Rendering;

/// <summary>
/// A body whose Markdown nests deeper than the renderer can follow (quotes, lists or brackets inside one another), or
/// would take the parser too long (<see cref="MarkdownScanCost"/>).
/// </summary>
public sealed class MarkdownTooComplexException : Exception
{
    public const string Explanation =
        "The Markdown nests too deeply: quotes, lists, emphasis or brackets inside one another more than 100 levels " +
        "(a list inside a list counts two: the list and its item, so lists nest at most 48 deep).";

    public MarkdownTooComplexException() : base(Explanation) { }
    public MarkdownTooComplexException(string message) : base(message) { }
    public MarkdownTooComplexException(string message, Exception inner) : base(message, inner) { }
}
