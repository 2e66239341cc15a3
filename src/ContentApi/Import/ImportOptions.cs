namespace ContentApi.Import;

/// <summary>What the <c>import</c> command was told of the site its files come from.</summary>
/// <param name="ImageBase">Where the imported folder is served (<c>--image-base-url</c>), to make images given as paths images.</param>
/// <param name="SlugsFromFileNames">Without a <c>slug</c> key, take the slug Jekyll and Hugo make of the file name (<c>--slugs-from-file-names</c>).</param>
public sealed record ImportOptions(ImageBaseUrl? ImageBase = null, bool SlugsFromFileNames = false)
{
    public static ImportOptions None { get; } = new();
}
