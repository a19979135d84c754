using System.Xml.Linq;

namespace Drm.Mib.Tr181;

/// <summary>
/// Applies a <c>&lt;parameter base&gt;</c>'s syntax to the syntax the parameter had. The extension states only what it
/// changes: <c>&lt;string/&gt;</c> with a default keeps the enumerations (interface.xml's
/// BaseInterfaceParamsAddDefaults), <c>&lt;list/&gt;</c> keeps the list's size, and a new data type
/// (StatsCounter32 to StatsCounter64) keeps the units. A kind of facet the extension does state (enumerations, say)
/// replaces that kind whole.
/// </summary>
internal static class Tr181SyntaxMerge
{
    /// <returns>The merged syntax, and whether its type came from the extension (so its names resolve there).</returns>
    public static (XElement Syntax, bool TypeFromExtension) Merge(XElement earlier, XElement extension)
    {
        var merged = new XElement(earlier.Name, earlier.Attributes());
        foreach (var attribute in extension.Attributes())
        {
            merged.SetAttributeValue(attribute.Name, attribute.Value);
        }

        if (Facets(earlier.Element("list"), extension.Element("list")) is { } list)
        {
            merged.Add(list);
        }

        var extensionType = TypeOf(extension);
        if (Facets(TypeOf(earlier), extensionType) is { } type)
        {
            merged.Add(type);
        }

        if ((extension.Element("default") ?? earlier.Element("default")) is { } defaultValue)
        {
            merged.Add(defaultValue);
        }

        return (merged, extensionType is not null);
    }

    private static XElement? TypeOf(XElement syntax) =>
        syntax.Elements().FirstOrDefault(e => Tr181SyntaxReader.BuiltInTypes.Contains(e.Name.LocalName) || e.Name.LocalName == "dataType");

    // The extension's element with its attributes; each kind of child it states, else the earlier element's children of that kind.
    private static XElement? Facets(XElement? earlier, XElement? extension)
    {
        if (earlier is null || extension is null)
        {
            return extension ?? earlier;
        }

        var merged = new XElement(extension.Name, earlier.Attributes());
        foreach (var attribute in extension.Attributes())
        {
            merged.SetAttributeValue(attribute.Name, attribute.Value);
        }

        var stated = extension.Elements().Select(e => e.Name).ToHashSet();
        merged.Add(earlier.Elements().Where(e => !stated.Contains(e.Name)));
        merged.Add(extension.Elements());
        return merged;
    }
}
