using System.Text;

namespace ContentApi.UnitTests.Data;

/// <summary>
/// A C# source file split into its string literals, with the line each character is on (regular, verbatim,
/// interpolated and raw ones), and its code: the file with every comment (<c>//</c>, <c>///</c>, <c>/* */</c>), string
/// and character literal blanked, lines kept. An interpolation hole of a regular or verbatim literal is code, read as
/// such (its own literals are literals of their own) and left in the literal's text as <c>{}</c>; a raw literal's
/// holes stay in its text as written.
/// </summary>
internal static class CSharpSource
{
    public sealed record Literal(string Text, int[] Lines)
    {
        public int LineAt(int index) => Lines[Math.Min(index, Lines.Length - 1)];
    }

    public sealed record Parts(IReadOnlyList<Literal> Literals, string Code)
    {
        public int LineAt(int index) => Code.AsSpan(0, index).Count('\n') + 1;
    }

    public static Parts Split(string source)
    {
        var reader = new Reader(source);
        reader.Code(stopAtBrace: false);
        return new Parts(reader.Found, reader.CodeOnly);
    }

    private sealed class Reader(string source)
    {
        private int _at;
        private readonly char[] _code = source.ToCharArray();
        private readonly int[] _lineStarts = [0, .. source.Select((c, i) => (c, i)).Where(x => x.c == '\n').Select(x => x.i + 1)];

        public List<Literal> Found { get; } = [];

        public string CodeOnly => new(_code);

        /// <summary>Blanks the source from <paramref name="from"/> up to where the reader is, line breaks kept.</summary>
        private void Blank(int from)
        {
            for (var i = from; i < Math.Min(_at, _code.Length); i++)
            {
                _code[i] = _code[i] == '\n' ? '\n' : ' ';
            }
        }

        /// <summary>Reads code up to the end, or past the brace that closes an interpolation hole.</summary>
        public void Code(bool stopAtBrace)
        {
            var depth = 0;
            while (_at < source.Length)
            {
                var c = source[_at];
                var from = _at;
                if (c == '/' && Next(1) == '/')
                {
                    while (_at < source.Length && source[_at] != '\n')
                    {
                        _at++;
                    }
                    Blank(from);
                }
                else if (c == '/' && Next(1) == '*')
                {
                    var end = source.IndexOf("*/", _at + 2, StringComparison.Ordinal);
                    _at = end < 0 ? source.Length : end + 2;
                    Blank(from);
                }
                else if (c == '\'')
                {
                    _at++;
                    while (_at < source.Length && source[_at] != '\'')
                    {
                        _at += source[_at] == '\\' ? 2 : 1;
                    }
                    _at++;
                    Blank(from);
                }
                else if (c is '"' or '$' or '@' && StringStart() is { } start)
                {
                    ReadString(start);
                }
                else if (c == '{')
                {
                    depth++;
                    _at++;
                }
                else if (c == '}')
                {
                    _at++;
                    if (stopAtBrace && depth-- == 0)
                    {
                        return;
                    }
                }
                else
                {
                    _at++;
                }
            }
        }

        private char Next(int offset) => _at + offset < source.Length ? source[_at + offset] : '\0';

        private sealed record Start(int Dollars, bool Verbatim, int Quotes, int TextAt);

        /// <summary>The prefix of a literal starting here (<c>$</c>s and <c>@</c>, then its opening quotes), or null.</summary>
        private Start? StringStart()
        {
            var i = _at;
            var dollars = 0;
            var verbatim = false;
            while (i < source.Length && (source[i] == '$' || source[i] == '@'))
            {
                dollars += source[i] == '$' ? 1 : 0;
                verbatim |= source[i] == '@';
                i++;
            }
            if (i >= source.Length || source[i] != '"')
            {
                return null;
            }
            var quotes = 0;
            while (i + quotes < source.Length && source[i + quotes] == '"')
            {
                quotes++;
            }
            // Three or more quotes open a raw literal; two are an empty one ("" or @"").
            return verbatim || quotes < 3 ? new Start(dollars, verbatim, 1, i + 1) : new Start(dollars, false, quotes, i + quotes);
        }

        private void ReadString(Start start)
        {
            var text = new StringBuilder();
            var lines = new List<int>();
            _at = start.TextAt;
            if (start.Quotes >= 3)
            {
                var close = new string('"', start.Quotes);
                var end = source.IndexOf(close, _at, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end;
                for (; _at < end; _at++)
                {
                    Add(source[_at]);
                }
                _at = end + start.Quotes;
                while (_at < source.Length && source[_at] == '"')
                {
                    _at++;
                }
            }
            else
            {
                while (_at < source.Length)
                {
                    var c = source[_at];
                    if (c == '"' && start.Verbatim && Next(1) == '"')
                    {
                        Add('"');
                        _at += 2;
                    }
                    else if (c == '"')
                    {
                        _at++;
                        break;
                    }
                    else if (c == '\\' && !start.Verbatim)
                    {
                        Add(c);
                        _at++;
                        if (_at < source.Length)
                        {
                            Add(source[_at]);
                            _at++;
                        }
                    }
                    else if (start.Dollars > 0 && (c is '{' or '}') && Next(1) == c)
                    {
                        Add(c);
                        _at += 2;
                    }
                    else if (start.Dollars > 0 && c == '{')
                    {
                        Add('{');
                        Add('}');
                        _at++;
                        Code(stopAtBrace: true);
                    }
                    else
                    {
                        Add(c);
                        _at++;
                    }
                }
            }
            Found.Add(new Literal(text.ToString(), [.. lines]));

            void Add(char c)
            {
                text.Append(c);
                lines.Add(LineOf(_at));
                if (_at < _code.Length && _code[_at] != '\n')
                {
                    _code[_at] = ' ';
                }
            }
        }

        private int LineOf(int offset)
        {
            var index = Array.BinarySearch(_lineStarts, offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
