namespace ContentApi.Search;

/// <summary>
/// One searchable unit of a text: a folded word, or a single folded CJK character.
/// <paramref name="Start"/> and <paramref name="End"/> delimit its source in the original string (whole grapheme
/// clusters); <paramref name="JoinsPrevious"/> is true for a CJK character that directly follows another one.
/// </summary>
internal readonly record struct TextUnit(string Text, int Start, int End, bool IsCjk, bool JoinsPrevious);
