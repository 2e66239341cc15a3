using System.Text.Json;
using ContentApi.Http.Writes;

namespace ContentApi.Http.Json;

/// <summary>
/// Thrown for JSON that is read but is not a valid value of its place: by a converter, for a value of the right type
/// that its field does not take (System.Text.Json's own message names only the type holding the property); by
/// <see cref="MergePatch"/>, for a patch that is not an object. The message is the problem reported for that place.
/// </summary>
public sealed class InvalidJsonValueException : JsonException
{
    public InvalidJsonValueException(string problem)
        : base(problem)
    {
    }

    /// <summary>The same problem put at another place, as <see cref="JsonMemberErrors"/> puts a member read alone.</summary>
    public InvalidJsonValueException(string problem, string? path, long? lineNumber, long? bytePositionInLine)
        : base(problem, path, lineNumber, bytePositionInLine)
    {
    }
}
