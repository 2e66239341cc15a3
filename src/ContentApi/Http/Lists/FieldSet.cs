using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContentApi.Http.Binding;
using ContentApi.Http.Errors;
using FluentValidation;

namespace ContentApi.Http.Lists;

/// <summary>
/// A sparse fieldset (<c>fields=id,slug,title</c>): the response keeps only the named top-level members.
/// Names come from the response type itself, so the allow-list can never drift from the schema.
/// </summary>
public sealed class FieldSet
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> MembersByType = new();

    private readonly HashSet<string> _names;

    private FieldSet(HashSet<string> names) => _names = names;

    public IReadOnlyCollection<string> Names => _names;

    public static IReadOnlyList<string> MembersOf(Type type) => MembersByType.GetOrAdd(type, t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition != JsonIgnoreCondition.Always)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))]);

    /// <summary>Parses a comma-separated list; unknown names make it invalid (<paramref name="unknown"/> lists them).</summary>
    public static bool TryParse(string? text, IReadOnlyList<string> allowed, out FieldSet? fields, out IReadOnlyList<string> unknown)
    {
        fields = null;
        unknown = [];
        if (text is null)
        {
            return true;
        }
        var names = ListParameters.Items(text);
        unknown = [.. names.Where(n => !allowed.Contains(n, StringComparer.Ordinal))];
        if (unknown.Count > 0 || names.Length == 0)
        {
            return false;
        }
        fields = new FieldSet([.. names]);
        return true;
    }

    public static FieldSet Parse(IEnumerable<string> names) => new([.. names]);

    /// <summary>Why <paramref name="text"/> is not a valid fields parameter, naming the allowed fields; null when it is.</summary>
    public static string? Problem(string? text, IReadOnlyList<string> allowed)
    {
        if (TryParse(text, allowed, out _, out var unknown))
        {
            return null;
        }
        var names = string.Join(", ", allowed);
        return unknown.Count == 0 ? $"Name at least one field. Allowed: {names}." : $"Unknown field(s) {string.Join(", ", unknown.Select(Echoed.Cut))}. Allowed: {names}.";
    }

    /// <summary>
    /// <paramref name="value"/> as asked for by an already validated fields parameter: unchanged without one,
    /// else only the named members of its JSON.
    /// </summary>
    public static object Shape<T>(T value, string? fields) where T : notnull =>
        fields is not null && TryParse(fields, MembersOf(typeof(T)), out var set, out _) ? set!.Apply(value) : value;

    public bool Contains(string name) => _names.Contains(name);

    /// <summary><paramref name="value"/> written with only the named members.</summary>
    public SparseObject Apply(object value) => new(value, _names);

    /// <summary>These fields without <paramref name="names"/>.</summary>
    public FieldSet Without(IEnumerable<string> names) => new([.. _names.Except(names)]);
}

public static class FieldSetRules
{
    /// <summary>The <c>fields</c> parameter may name only members of <typeparamref name="TResponse"/>.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> FieldsOf<T, TResponse>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((fields, context) =>
        {
            if (FieldSet.Problem(fields, FieldSet.MembersOf(typeof(TResponse))) is { } message)
            {
                context.AddFailure(message);
            }
        });
}
