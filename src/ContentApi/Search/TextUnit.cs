namespace ContentApi.Search;

/// <summary>
/// One searchable unit of a text: a folded word, or a single folded CJK character.
/// <paramref name="Start"/> and <paramref name="End"/> delimit its source in the original string (whole grapheme
/// clusters); <paramref name="JoinsPrevious"/> is true for a CJK character that follows another one
/// directly or across spaces within a line (which CJK text does not need: 佐藤 花子 is 佐藤花子).
/// </summary>
internal readonly record struct TextUnit(string Text, int Start, int End, bool IsCjk, bool JoinsPrevious);
