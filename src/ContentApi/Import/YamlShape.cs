using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContentApi.Import;

/// <summary>
/// What YamlDotNet's loader cannot be given safely, found with the parser's events, which need no recursion: nesting
/// deeper than <see cref="MaxDepth"/> (the loader builds its node tree recursively, and 50,000 levels overflowed the
/// stack), and a mapping key that is a list, a mapping or an alias (the loader hashes a key whole: one holding itself
/// overflowed the stack, and one of aliases of aliases took exponential time). Front matter and a site's authors file
/// need neither.
/// </summary>
internal static class YamlShape
{
    public const int MaxDepth = 64;

    /// <summary>The first such place, what is wrong there and whether it is a key; null when there is none, or the text is no YAML (the loader says why).</summary>
    public static (Mark At, string Problem, bool OfKey)? Unsafe(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        // Per open collection: whether it is a mapping whose next node is a key.
        var open = new Stack<(bool IsMapping, bool AtKey)>();
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (current is not (Scalar or AnchorAlias or SequenceStart or MappingStart or SequenceEnd or MappingEnd))
                {
                    continue;
                }
                if (current is SequenceEnd or MappingEnd)
                {
                    open.Pop();
                    NodeDone();
                    continue;
                }
                if (open.TryPeek(out var parent) && parent is { IsMapping: true, AtKey: true } && current is not Scalar)
                {
                    return (current.Start, "a key that is a list, a mapping or an alias ('? [a]', '? *a'), which no key needs", true);
                }
                if (current is SequenceStart or MappingStart)
                {
                    if (open.Count >= MaxDepth)
                    {
                        return (current.Start, $"lists and mappings nested deeper than {MaxDepth} levels", false);
                    }
                    open.Push((current is MappingStart, true));
                    continue;
                }
                NodeDone();
            }
        }
        catch (YamlException)
        {
            // Not YAML: the loader reports where.
        }
        return null;

        void NodeDone()
        {
            if (open.TryPop(out var parent))
            {
                open.Push(parent with { AtKey = parent.IsMapping && !parent.AtKey });
            }
        }
    }
}
