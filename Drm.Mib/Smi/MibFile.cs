using System.Buffers;
using System.Text;

namespace Drm.Mib.Smi;

/// <summary>What one file held: its modules, and what belongs to no module (text outside any, a file with none).</summary>
public sealed record MibFile(string Path, IReadOnlyList<MibModule> Modules, IReadOnlyList<MibDiagnostic> Diagnostics)
{
    /// <summary>Reads and parses every file under <paramref name="paths"/> (files, or folders searched recursively), in path order, in parallel.</summary>
    public static IReadOnlyList<MibFile> Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }

        // Files parse independently; using every core makes a corpus of a thousand files load in half the time.
        return files.AsParallel().AsOrdered().Select(Parse).ToList();
    }

    public static MibFile Parse(string path)
    {
        var diagnostics = new List<MibDiagnostic>();
        // The file's bytes and text live in pooled buffers only while it is tokenized: a corpus holds files of several
        // hundred KB, and fresh arrays that size land on the large object heap, which only full collections reclaim.
        // Invalid UTF-8 (Latin-1 vendor files) decodes to U+FFFD, which only ever sits in text.
        using var file = File.OpenHandle(path);
        var length = checked((int)RandomAccess.GetLength(file));
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxCharCount(length)));
        try
        {
            var read = 0;
            while (read < length && RandomAccess.Read(file, bytes.AsSpan(read, length - read), read) is var n and > 0)
            {
                read += n;
            }

            var count = Encoding.UTF8.GetChars(bytes.AsSpan(0, read), chars);
            var modules = MibParser.Parse(chars.AsSpan(0, count), path, diagnostics);
            return new MibFile(path, modules, diagnostics);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
