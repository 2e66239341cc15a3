namespace ContentApi.Auth;

/// <summary>An active key has the name, in its spelling or another that <see cref="KeyNames"/> compares as the same.</summary>
public sealed class KeyNameTakenException(string name) : Exception($"An active key is named '{name}'.");
