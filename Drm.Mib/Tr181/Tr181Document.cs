using System.Xml.Linq;

namespace Drm.Mib.Tr181;

/// <summary>
/// One parsed data-model document: what it defines at top level (data types, components, models) and what it imports,
/// each import item under its local name with the name it has in the imported document.
/// </summary>
internal sealed class Tr181Document
{
    private readonly Dictionary<(string Kind, string Name), XElement> _definitions = [];
    private readonly Dictionary<(string Kind, string Name), (string File, string Name)> _imports = [];

    public Tr181Document(string fileName, XElement root)
    {
        FileName = fileName;
        Root = root;
        var importedFiles = new List<string>();
        foreach (var element in root.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "dataType" or "component" or "model" when (string?)element.Attribute("name") is { } name:
                    // A later definition of the same name wins, as the flattened reader always did.
                    _definitions[(element.Name.LocalName, name)] = element;
                    break;
                case "import":
                    var file = (string?)element.Attribute("file") ?? throw Tr181FormatException.At(element, $"{fileName}: an <import> names no file.");
                    importedFiles.Add(file);
                    foreach (var item in element.Elements())
                    {
                        if (item.Name.LocalName is "dataType" or "component" or "model" && (string?)item.Attribute("name") is { } local)
                        {
                            _imports[(item.Name.LocalName, local)] = (file, (string?)item.Attribute("ref") ?? local);
                        }
                    }

                    break;
            }
        }

        ImportedFiles = importedFiles;
    }

    /// <summary>The file name the document was read under (not the unversioned name an import used for it).</summary>
    public string FileName { get; }

    public XElement Root { get; }

    /// <summary>The files this document imports, as the imports name them (often unversioned).</summary>
    public IReadOnlyList<string> ImportedFiles { get; }

    /// <summary>The top-level definition of <paramref name="name"/>, whose <paramref name="kind"/> is the element name:
    /// <c>dataType</c>, <c>component</c> or <c>model</c>.</summary>
    public XElement? Definition(string kind, string name) => _definitions.GetValueOrDefault((kind, name));

    public bool TryGetImport(string kind, string name, out string file, out string nameThere)
    {
        var found = _imports.TryGetValue((kind, name), out var import);
        (file, nameThere) = import;
        return found;
    }

    public override string ToString() => FileName;
}
