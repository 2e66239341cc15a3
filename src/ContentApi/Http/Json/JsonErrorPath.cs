using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ContentApi.Http.Json;

/// <summary>
/// Where a JSON text stops being one the API takes (malformed, a member named twice in one object, nested too deeply),
/// as the JSON path the serializer gives for a request it binds (<c>$.focalPoint.x</c>, <c>$.authorIds[2]</c>). A
/// document parsed whole, as a merge patch is, gets no path from the parser.
/// </summary>
internal static class JsonErrorPath
{
    /// <summary>What System.Text.Json's reader and serializer say of a text nested deeper than allowed.</summary>
    internal const string DepthExceeded = "maximum configured depth";

    /// <summary>
    /// The path of what is wrong in <paramref name="json"/>, as its parser reports it: the first place it stops being
    /// JSON, else the first member named twice in one object (the parser looks for those only in a text that is JSON);
    /// the root ($) when nothing is found, and for a text whose root is not an object (a problem of the document).
    /// </summary>
    /// <param name="resource">What the text is for: nesting too deep is filed under the member of it that holds the
    /// nesting (<c>focalPoint.x</c>, <c>description</c>), as the serializer files it, not under the client's own names.</param>
    public static string Find(ReadOnlySpan<byte> json, int maxDepth, JsonTypeInfo? resource = null)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        var frames = new List<Frame>();
        string? firstRepeated = null;
        try
        {
            while (reader.Read())
            {
                if (frames.Count == 0 && reader.TokenType != JsonTokenType.StartObject)
                {
                    return "$";
                }
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        frame.Member = null; // a name that is no text (a lone surrogate escape) is filed under its object
                        frame.Member = reader.GetString();
                        if (!frame.Members.Add(frame.Member!))
                        {
                            firstRepeated ??= PathOf(frames, failedInLast: false);
                        }
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        StepInArray(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        EndValue(frames);
                        break;
                    default:
                        StepInArray(frames);
                        EndValue(frames);
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return exception.Message.Contains(DepthExceeded, StringComparison.Ordinal)
                ? PathOf(HoldingMember(frames, resource), failedInLast: false)
                : PathOf(frames, failedInLast: true);
        }
        return firstRepeated ?? "$";
    }

    /// <summary>A member whose value is read whole is no longer where the text can fail: <c>{"name":"x",</c> fails in its object, as the serializer says.</summary>
    private static void EndValue(List<Frame> frames)
    {
        if (frames.Count > 0 && !frames[^1].IsArray)
        {
            frames[^1].Member = null;
        }
    }

    private static void StepInArray(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1].Index++;
        }
    }

    /// <summary>
    /// The objects down to the member whose value is nested too deeply: the last one the resource has as an object's
    /// member (or the first it does not have); without a resource, the members down to the first array.
    /// </summary>
    private static List<Frame> HoldingMember(List<Frame> frames, JsonTypeInfo? resource)
    {
        var kept = new List<Frame>();
        var type = resource;
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                break;
            }
            kept.Add(frame);
            if (resource is null)
            {
                continue;
            }
            if (ResourceMembers.Find(type!, frame.Member)?.ObjectType is not { } memberType)
            {
                break;
            }
            type = memberType;
        }
        return kept;
    }

    /// <param name="failedInLast">The innermost array failed on the element after the last one read.</param>
    private static string PathOf(List<Frame> frames, bool failedInLast)
    {
        var path = new System.Text.StringBuilder("$");
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (frame.IsArray)
            {
                var index = frame.Index + (failedInLast && i == frames.Count - 1 ? 1 : 0);
                path.Append('[').Append(Math.Max(index, 0)).Append(']');
            }
            else if (frame.Member is { } member)
            {
                path.Append(MemberOf("", member));
            }
        }
        return path.ToString();
    }

    /// <summary>The JSON path of member <paramref name="name"/> of the object at <paramref name="parent"/>: <c>.name</c>, or <c>['a name']</c> when it holds more than letters, digits and <c>_</c>.</summary>
    public static string MemberOf(string parent, string name) =>
        parent + (name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? "." + name : $"['{name}']");

    /// <summary>An object (its members so far, the last one read) or an array (the index of its last element read).</summary>
    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Member { get; set; }
        public HashSet<string> Members { get; } = new(StringComparer.Ordinal);
    }
}
