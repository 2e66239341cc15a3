namespace ContentApi.Search;

/// <summary>
/// One searchable unit of a text: a folded word, or a single folded CJK character.
/// <paramref name="Start"/> and <paramref name="End"/> delimit its source in the original string (whole grapheme
/// clusters); <paramref name="JoinsPrevious"/> is true for a CJK character that follows another one
/// directly, across spaces within a line (which CJK text does not need: 佐藤 花子 is 佐藤花子) or across quotation marks
/// and brackets (台積電「先進製程」發表). <paramref name="AfterBreak"/> is true for a unit after a line break or a tab in
/// text read as the plain text (not Markdown source): a block, a hard line break or a table cell ends there, and no
/// phrase runs across it. <paramref name="IsPictograph"/> is true for an emoji or another pictograph.
/// </summary>
internal readonly record struct TextUnit(string Text, int Start, int End, bool IsCjk, bool JoinsPrevious, bool AfterBreak = false, bool IsPictograph = false);
