namespace ContentApi.Rendering;

/// <summary>
/// The build that renders articles' Markdown (<c>format=html</c>, <c>format=text</c>): the module version ids of this
/// assembly and of the libraries it renders with, new with every build that changes any of them, so no release that
/// renders differently can forget to say so (tests give another to play an upgrade).
/// </summary>
public sealed record RenderingBuild(string Id)
{
    public static RenderingBuild ThisBuild { get; } = new(string.Join('-',
        new[] { typeof(RenderingBuild), typeof(Markdig.Markdown), typeof(Ganss.Xss.HtmlSanitizer), typeof(AngleSharp.Dom.IElement) }
            .Select(type => type.Assembly.ManifestModule.ModuleVersionId.ToString("N"))));
}
