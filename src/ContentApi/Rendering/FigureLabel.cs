using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>One line of a figure's label: its Markdown inlines (a credit may link its source) and what they say.</summary>
internal sealed record LabelLine(List<Inline> Inlines, string Text);

/// <param name="Caption">The line describing the picture, if the label has one.</param>
/// <param name="Credit">The line naming its source, if the label has one: alone, or on the line after a caption.</param>
/// <param name="Paragraphs">The paragraphs the label's lines are, where they are paragraphs of their own.</param>
/// <param name="After">What the figures' own paragraph holds after the label (null: nothing).</param>
internal sealed record FigureLabel(LabelLine? Caption, LabelLine? Credit, IReadOnlyList<ParagraphBlock> Paragraphs, Inline? After);
