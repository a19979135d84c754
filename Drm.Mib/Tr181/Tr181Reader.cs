using System.Xml.Linq;

namespace Drm.Mib.Tr181;

/// <summary>
/// Reads a Broadband Forum data model (<c>dm:document</c>, the cwmp-datamodel schema) into a catalog of its objects,
/// parameters, commands and events. Both forms are read and give the same catalog: a flattened single-file model
/// (<c>tr-181-2-19-1-usp-full.xml</c>, every object with its full path) and a model built from components
/// (<c>tr-181-2-19-1-usp.xml</c>), whose <c>import</c>s are followed to the documents beside it. Items whose status is
/// <c>deleted</c> are left out.
/// </summary>
public static class Tr181Reader
{
    /// <summary>Reads the model in <paramref name="path"/>, taking what it imports from the same folder.</summary>
    /// <exception cref="Tr181FormatException">A document is not well-formed or not a data model, an imported file is
    /// missing (all missing ones are named), or a name does not resolve.</exception>
    public static Tr181Model ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var files = Directory.EnumerateFiles(folder, "*.xml")
            .ToDictionary(f => Path.GetFileName(f), f => (Func<Stream>)(() => File.OpenRead(f)), StringComparer.Ordinal);
        var mainFileName = Path.GetFileName(path);
        if (!files.ContainsKey(mainFileName))
        {
            // Let a missing main file fail the way File.OpenRead says it, with the full path.
            files[mainFileName] = () => File.OpenRead(path);
        }

        return Read(mainFileName, files);
    }

    /// <summary>
    /// Reads the model in <paramref name="mainFileName"/> from a set of documents by file name (an uploaded archive's
    /// entries, say). Imports name unversioned files (<c>tr-181-2-iot.xml</c>) that resolve to the newest versioned
    /// file present (<c>tr-181-2-19-0-iot.xml</c>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="mainFileName"/> is not among <paramref name="files"/>.</exception>
    /// <exception cref="Tr181FormatException">As for <see cref="ReadFile"/>.</exception>
    public static Tr181Model Read(string mainFileName, IReadOnlyDictionary<string, Func<Stream>> files)
    {
        ArgumentNullException.ThrowIfNull(mainFileName);
        ArgumentNullException.ThrowIfNull(files);
        if (!files.ContainsKey(mainFileName))
        {
            throw new ArgumentException($"The files hold no '{mainFileName}'.", nameof(mainFileName));
        }

        return Tr181ComponentExpander.Expand(Tr181DocumentSet.Load(mainFileName, files), namesFiles: true);
    }

    /// <summary>Reads one self-contained document (a flattened model); its imports, if any, are not followed.</summary>
    /// <exception cref="Tr181FormatException">The document is not a data model or refers to something it does not define.</exception>
    public static Tr181Model Read(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Root is null)
        {
            throw new Tr181FormatException("The document is empty.");
        }

        return Tr181ComponentExpander.Expand(Tr181DocumentSet.Single(document, "(document)"), namesFiles: false);
    }
}
