using System.Text;
using System.Text.RegularExpressions;
using Drm.Engine.Mibs;
using Drm.Mib.Tr181;

namespace Drm.Engine.Tr181;

/// <summary>
/// The documents of one TR-181 import: the entry file (a flattened model, or a model built from components) and the
/// documents it imports, by file name. From an upload (one <c>.xml</c>, or a <c>.tar.gz</c> of a model with its imports)
/// or from a server-side file (its imports are read from beside it).
/// </summary>
public sealed partial record Tr181ImportSource(string MainFile, IReadOnlyDictionary<string, Func<Stream>> Files)
{
    /// <summary>Checks an upload and finds its entry file; refusals are <c>BAD_USER_INPUT</c> and store nothing.</summary>
    public static Tr181ImportSource FromUpload(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > MibUploadReader.MaxUploadBytes)
        {
            throw DrmException.BadInput($"{fileName} is {content.LongLength:N0} bytes; uploads are limited to {MibUploadReader.MaxUploadBytes:N0}.");
        }

        if (fileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return new Tr181ImportSource(fileName, new Dictionary<string, Func<Stream>>(StringComparer.Ordinal) { [fileName] = Opener(content) });
        }

        if (!fileName.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) && !fileName.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
        {
            throw DrmException.BadInput($"{fileName}: upload a TR-181 data-model .xml file, or a .tar.gz (.tgz) archive of a model with the files it imports.");
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, text) in MibUploadReader.ReadArchive(fileName, content).Where(f => f.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            // Imports name files beside the importer: folders inside the archive do not matter, but a name twice is ambiguous.
            if (!files.TryAdd(Path.GetFileName(name), Encoding.UTF8.GetBytes(text)))
            {
                throw DrmException.BadInput($"{fileName} holds two files named {Path.GetFileName(name)}.");
            }
        }

        return new Tr181ImportSource(EntryFile(fileName, files), files.ToDictionary(f => f.Key, f => Opener(f.Value), StringComparer.Ordinal));
    }

    /// <summary>A server-side model: an entry <c>.xml</c> with the <c>.xml</c> files beside it, or a <c>.tar.gz</c>.</summary>
    public static Tr181ImportSource FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return FromUpload(Path.GetFileName(path), File.ReadAllBytes(path));
        }

        // Only the files the model imports are opened (and then read once); the folder may hold many more.
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var files = Directory.EnumerateFiles(folder, "*.xml")
            .ToDictionary(f => Path.GetFileName(f), f => (Func<Stream>)(() => File.OpenRead(f)), StringComparer.Ordinal);
        return files.ContainsKey(Path.GetFileName(path))
            ? new Tr181ImportSource(Path.GetFileName(path), files)
            : throw new FileNotFoundException($"{path} does not exist.", path);
    }

    /// <summary>Reads the model; a document that is not a readable data model fails the import with the reason.</summary>
    public Tr181Model Read()
    {
        try
        {
            return Tr181Reader.Read(MainFile, Files);
        }
        catch (Tr181FormatException e)
        {
            throw new Tr181ImportException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A server-side file that went away or cannot be opened while the model was read.
            throw new Tr181ImportException($"{MainFile} cannot be read: {e.Message}", e);
        }
    }

    // The entry file is the one model no other file imports. Imports name files without their version
    // (tr-181-2-iot.xml for tr-181-2-19-0-iot.xml), so both spellings count as imported.
    private static string EntryFile(string archive, Dictionary<string, byte[]> files)
    {
        var imported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in files.Values.Select(Encoding.UTF8.GetString))
        {
            foreach (Match match in ImportedFile().Matches(text))
            {
                imported.Add(match.Groups[1].Value);
            }
        }

        var candidates = files
            .Where(f => !imported.Contains(f.Key) && !imported.Contains(Unversioned(f.Key)) && Encoding.UTF8.GetString(f.Value).Contains("<model ", StringComparison.Ordinal))
            .Select(f => f.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw DrmException.BadInput($"{archive} holds no TR-181 data model (.xml with a <model> that no other file imports)."),
            _ => throw DrmException.BadInput($"{archive} holds {candidates.Count} models that no other file imports ({string.Join(", ", candidates)}); " +
                                             "upload one model with its imports."),
        };
    }

    private static Func<Stream> Opener(byte[] content) => () => new MemoryStream(content, writable: false);

    private static string Unversioned(string fileName) => VersionedName().Replace(fileName, "$1$2");

    [GeneratedRegex("""<import\s[^>]*?file=["']([^"']+)["']""")]
    private static partial Regex ImportedFile();

    [GeneratedRegex(@"^(tr-\d+-\d+)-\d+-\d+(-.+\.xml)$")]
    private static partial Regex VersionedName();
}
