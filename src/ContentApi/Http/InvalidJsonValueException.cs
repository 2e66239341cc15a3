using System.Text.Json;

namespace ContentApi.Http;

/// <summary>
/// Thrown by a converter for a JSON value of the right type that is not a valid value of its field; the message is the
/// problem reported for that field (System.Text.Json's own message names only the type holding the property).
/// </summary>
public sealed class InvalidJsonValueException(string problem) : JsonException(problem);
