namespace ContentApi.Rendering;

/// <summary>An image a body may place with <c>![alt](image:ID)</c>; <see cref="Url"/> should be absolute http(s).</summary>
public sealed record InlineImage(long Id, string Url, string AltText, string? Caption, string? Credit, int? Width, int? Height);
