using System.Text.Json;
using ContentApi.Http.Writes;

namespace ContentApi.Http.Json;

/// <summary>
/// Thrown for JSON that is read but is not a valid value of its place: by a converter, for a value of the right type
/// that its field does not take (System.Text.Json's own message names only the type holding the property); by
/// <see cref="MergePatch"/>, for a patch that is not an object. The message is the problem reported for that place.
/// </summary>
public sealed class InvalidJsonValueException(string problem) : JsonException(problem);
