using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContentApi.Http.Json;
using FluentValidation;
using FluentValidation.Results;

namespace ContentApi.Http.Writes;

/// <summary>
/// The errors a write is answerable for, for PATCH and PUT alike. A value stored before a rule existed (or imported)
/// may stay as it is while other fields change: an error about a member the write leaves as stored, which the stored
/// state (read as a request) already has with the same message, is not held against it. Any other error is: one about
/// a member the write changes, even to another value the same rule refuses, or one the stored state did not have.
/// </summary>
public static partial class AnswerableErrors
{
    /// <summary>
    /// <paramref name="invalid"/> (the errors of <paramref name="request"/>) without those <paramref name="stored"/> (the
    /// resource as stored, as a request) already had about a value the request restates. Validates the stored state, so
    /// call it only once the request has failed.
    /// </summary>
    public static async Task<ValidationResult> OfAsync<TRequest>(
        IValidator<TRequest> validator, ValidationResult invalid, TRequest stored, TRequest request, CancellationToken cancellationToken)
    {
        var storedErrors = await validator.ValidateAsync(stored, cancellationToken);
        if (storedErrors.IsValid)
        {
            return invalid;
        }
        var (before, after) = (JsonSerializer.SerializeToNode(stored, JsonSetup.Options)!, JsonSerializer.SerializeToNode(request, JsonSetup.Options)!);
        return new ValidationResult(invalid.Errors.Where(error =>
            !storedErrors.Errors.Any(old => old.PropertyName == error.PropertyName && old.ErrorMessage == error.ErrorMessage) ||
            !(TryValueAt(before, error.PropertyName, out var was) && TryValueAt(after, error.PropertyName, out var now) && JsonNode.DeepEquals(was, now))));
    }

    /// <summary>
    /// The value a FluentValidation property path ("FocalPoint.X", "AuthorIds[0]") names in a request's JSON (null when
    /// absent). False when the path names no member at all (a rule about the whole request): then it counts as changed.
    /// </summary>
    private static bool TryValueAt(JsonNode root, string propertyPath, out JsonNode? value)
    {
        value = root;
        foreach (var segment in propertyPath.Split('.'))
        {
            var match = PathSegment().Match(segment);
            if (!match.Success)
            {
                return false;
            }
            value = value is JsonObject container ? container[JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value)] : null;
            foreach (Capture index in match.Groups["index"].Captures)
            {
                var i = int.Parse(index.Value, System.Globalization.CultureInfo.InvariantCulture);
                value = value is JsonArray items && i < items.Count ? items[i] : null;
            }
        }
        return true;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(\[(?<index>[0-9]{1,9})\])*\z")]
    private static partial Regex PathSegment();
}
