using System.Xml;
using System.Xml.Linq;

namespace Drm.Mib.Tr181;

/// <summary>
/// A main document with every document it imports, directly or not, loaded from a set of files by name. Imports name
/// unversioned files (<c>tr-181-2-iot.xml</c>); they resolve to the newest versioned file present
/// (<c>tr-181-2-19-0-iot.xml</c> over <c>tr-181-2-18-0-iot.xml</c>). Names are looked up in a document's scope: its own
/// definitions, then what it imports by name, then (for imports that name nothing, and for data type base chains that
/// reach into another document) the documents it imports.
/// </summary>
internal sealed class Tr181DocumentSet
{
    private readonly Dictionary<string, Tr181Document> _documents;
    private readonly Tr181FileNames _files;
    private readonly Dictionary<(Tr181Document Scope, string Kind, string Name), (Tr181Document Document, XElement Element)?> _found = [];

    private Tr181DocumentSet(Tr181Document main, Dictionary<string, Tr181Document> documents, Tr181FileNames files)
    {
        Main = main;
        _documents = documents;
        _files = files;
    }

    public Tr181Document Main { get; }

    /// <summary>Loads <paramref name="mainFileName"/> and everything it imports, failing with all missing files named at once.</summary>
    public static Tr181DocumentSet Load(string mainFileName, IReadOnlyDictionary<string, Func<Stream>> files)
    {
        var names = new Tr181FileNames(files.Keys);
        var documents = new Dictionary<string, Tr181Document>(StringComparer.Ordinal);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([mainFileName]);
        while (pending.TryDequeue(out var file))
        {
            if (documents.ContainsKey(file))
            {
                continue;
            }

            var document = Parse(file, files[file]);
            documents.Add(file, document);
            foreach (var import in document.ImportedFiles)
            {
                if (names.Resolve(import) is { } present)
                {
                    pending.Enqueue(present);
                }
                else
                {
                    missing.Add(import);
                }
            }
        }

        if (missing.Count > 0)
        {
            throw new Tr181FormatException($"{mainFileName} imports files that are not present beside it: {string.Join(", ", missing)}.");
        }

        return new Tr181DocumentSet(documents[mainFileName], documents, names);
    }

    /// <summary>Wraps one self-contained document; an import in it is not followed.</summary>
    public static Tr181DocumentSet Single(XDocument document, string fileName)
    {
        var root = document.Root ?? throw new Tr181FormatException($"{fileName} is empty.");
        CheckRoot(root);
        var main = new Tr181Document(fileName, root);
        return new Tr181DocumentSet(main, new(StringComparer.Ordinal) { [fileName] = main }, new Tr181FileNames([fileName]));
    }

    /// <summary>Finds a data type, component or model by the name it has in <paramref name="scope"/>.</summary>
    public (Tr181Document Document, XElement Element)? Find(Tr181Document scope, string kind, string name)
    {
        if (_found.TryGetValue((scope, kind, name), out var cached))
        {
            return cached;
        }

        var found = Find(scope, kind, name, []);
        _found[(scope, kind, name)] = found;
        return found;
    }

    private (Tr181Document Document, XElement Element)? Find(Tr181Document scope, string kind, string name, HashSet<Tr181Document> visited)
    {
        if (!visited.Add(scope))
        {
            return null;
        }

        if (scope.Definition(kind, name) is { } local)
        {
            return (scope, local);
        }

        if (scope.TryGetImport(kind, name, out var file, out var nameThere) && Imported(file) is { } imported)
        {
            return Find(imported, kind, nameThere, []);
        }

        // Not imported by name: an import may name nothing (root.xml imports tr-106-types.xml bare), and a data type's
        // base chain continues in the document that defined it, whose names the importer need not have imported.
        foreach (var importedFile in scope.ImportedFiles)
        {
            if (Imported(importedFile) is { } document && Find(document, kind, name, visited) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private Tr181Document? Imported(string importName) =>
        _files.Resolve(importName) is { } file ? _documents.GetValueOrDefault(file) : null;

    // Models come from tenants' uploads. tr-106-types.xml writes its patterns with internal DTD entities (&octet;), so
    // DTDs are read, but nothing is fetched from anywhere (no resolver: an external entity is an error) and entity
    // expansion is bounded (the whole of tr-106's expands to about 20,000 characters; a "billion laughs" is refused).
    private static readonly XmlReaderSettings SafeReading = new()
    {
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        MaxCharactersFromEntities = 1_000_000,
    };

    private static Tr181Document Parse(string file, Func<Stream> open)
    {
        XElement root;
        try
        {
            using var stream = open();
            using var reader = XmlReader.Create(stream, SafeReading);
            root = XDocument.Load(reader, LoadOptions.SetLineInfo).Root ?? throw new Tr181FormatException($"{file} is empty.");
        }
        catch (XmlException e)
        {
            throw new Tr181FormatException($"{file} is not well-formed XML: {e.Message}", e);
        }

        CheckRoot(root, file);
        return new Tr181Document(file, root);
    }

    private static void CheckRoot(XElement root, string? file = null)
    {
        if (root.Name.LocalName != "document")
        {
            var where = file is null ? "" : $"{file}: ";
            throw Tr181FormatException.At(root, $"{where}The root element is <{root.Name.LocalName}>, not a data-model <dm:document>.");
        }
    }
}
