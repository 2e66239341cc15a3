using ContentApi.Text;
using YamlDotNet.RepresentationModel;

namespace ContentApi.Import;

/// <summary>The cover image a file gives: this API's <c>cover</c>, and the keys and mappings other generators and themes give it by.</summary>
internal sealed partial class FrontMatterReader
{
    /// <summary>
    /// A cover under another generator's name: taken when it is an absolute http(s) URL or a stored image, as
    /// <c>cover</c> must be; one that is not (a theme's <c>image: /assets/a.png</c>, relative to a site this import does
    /// not have) is ignored with a warning, as the key was before it was read.
    /// </summary>
    private CoverImageRef? TheirCover(string key, YamlNode node)
    {
        if (node is not YamlScalarNode || Text(key, node) is not { } written)
        {
            problems.Add(new ImportProblem(file, FileLine(node.Start), $"'{key}' ignored: a cover is one URL.", ImportSeverity.Warning));
            return null;
        }
        var url = ImageBaseUrl.Resolve(imagePage, CoverInImagesFolder.PathOf(written, fileExistsBeside));
        if (TextRules.IsHttpUrl(url) || ImageReferences.ParseId(url) is not null)
        {
            return new CoverImageRef(url);
        }
        problems.Add(new ImportProblem(file, FileLine(node.Start),
            $"'{key}' ignored: '{url}' is not an absolute http(s) URL, which a cover needs (give the image's URL as 'cover', or where the site is served as import's --image-base-url).", ImportSeverity.Warning));
        return null;
    }

    /// <summary>
    /// A cover given as a mapping by a Jekyll plugin or theme: jekyll-seo-tag's <c>image: {path, alt}</c>, Minimal
    /// Mistakes' <c>header: {image, overlay_image, teaser, image_description, caption}</c>. The first of
    /// <paramref name="urlKeys"/> present is the picture; the rest of the mapping (sizes, the theme's colours and
    /// buttons) is ignored with a warning. None present: the whole key is ignored with a warning.
    /// </summary>
    private CoverImageRef? TheirCoverMapping(YamlNode keyNode, YamlMappingNode mapping, string[] urlKeys, string altKey, string? captionKey)
    {
        var key = ((YamlScalarNode)keyNode).Value;
        var picture = mapping.Children
            .Where(entry => entry.Key is YamlScalarNode { Value: { } name } && urlKeys.Contains(name))
            .OrderBy(entry => Array.IndexOf(urlKeys, ((YamlScalarNode)entry.Key).Value))
            .FirstOrDefault();
        if (picture.Key is null)
        {
            WarnIgnored(keyNode, $"front-matter key '{key}' (it names no picture)");
            return null;
        }
        string? alt = null, caption = null;
        foreach (var (subkeyNode, value) in mapping.Children)
        {
            var subkey = (subkeyNode as YamlScalarNode)?.Value ?? "";
            if (subkey == altKey)
            {
                alt = Text($"{key}.{subkey}", value);
            }
            else if (subkey == captionKey)
            {
                caption = Text($"{key}.{subkey}", value);
            }
            else if (subkeyNode != picture.Key)
            {
                WarnIgnored(subkeyNode, $"key '{subkey}' under '{key}'");
            }
        }
        var pictureKey = ((YamlScalarNode)picture.Key).Value;
        return TheirCover($"{key}.{pictureKey}", picture.Value) is { } cover ? cover with { AltText = alt, Caption = caption } : null;
    }

    private CoverImageRef? Cover(YamlNode keyNode, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return Text("cover", node) is { } plainUrl ? UnlessBrokenReference(new CoverImageRef(ImageBaseUrl.Resolve(imagePage, plainUrl)), node) : null;
        }
        if (node is not YamlMappingNode mapping)
        {
            Error(FileLine(node.Start), "'cover' must be a URL or a mapping with 'url' and 'alt'.");
            return null;
        }
        string? url = null, alt = null, caption = null;
        foreach (var (subkeyNode, value) in mapping.Children)
        {
            var key = (subkeyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "url":
                    url = Text("cover.url", value);
                    break;
                case "image" when url is null:
                    url = Text("cover.image", value); // Hugo themes' (PaperMod's) name for it
                    break;
                case "alt":
                    alt = Text("cover.alt", value);
                    break;
                case "caption":
                    caption = Text("cover.caption", value);
                    break;
                default:
                    WarnIgnored(subkeyNode, $"key '{key}' under 'cover'");
                    break;
            }
        }
        if (url is null)
        {
            Error(FileLine(keyNode.Start), "'cover' needs a 'url'.");
            return null;
        }
        return UnlessBrokenReference(new CoverImageRef(ImageBaseUrl.Resolve(imagePage, url), alt, caption), node);
    }

    /// <summary>The cover, unless it is an <c>image:</c> reference that names no image: an error that says why, not "not an http URL".</summary>
    private CoverImageRef? UnlessBrokenReference(CoverImageRef cover, YamlNode node)
    {
        if (cover.ExistingImageId is null && ImageReferences.IsReference(cover.Url))
        {
            Error(FileLine(node.Start), BrokenImageReference.CoverProblem(cover.Url));
            return null;
        }
        return cover;
    }
}
