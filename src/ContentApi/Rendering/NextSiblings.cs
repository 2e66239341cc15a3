using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>
/// The block after a block in its container, in constant time: Markdig's containers are lists without sibling links,
/// and finding a block's place by searching its container made a body of thousands of figures quadratic.
/// One per document walk.
/// </summary>
internal sealed class NextSiblings
{
    private readonly Dictionary<ContainerBlock, Dictionary<Block, int>> _positions = [];

    /// <summary>Blocks whose place has been recorded so far: what finding next blocks has cost.</summary>
    internal int BlocksIndexed { get; private set; }

    public Block? Of(Block block)
    {
        if (block.Parent is not { } container)
        {
            return null;
        }
        if (!_positions.TryGetValue(container, out var positions))
        {
            positions = new Dictionary<Block, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < container.Count; i++)
            {
                positions[container[i]] = i;
            }
            BlocksIndexed += container.Count;
            _positions[container] = positions;
        }
        return positions.TryGetValue(block, out var index) && index + 1 < container.Count ? container[index + 1] : null;
    }
}
