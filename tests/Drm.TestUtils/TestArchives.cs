using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Drm.TestUtils;

/// <summary>Builds .tar.gz uploads in memory, including the hostile ones an archive reader must refuse.</summary>
public static class TestArchives
{
    public static byte[] Of(params (string Name, string Text)[] files) =>
        Build(writer =>
        {
            foreach (var (name, text) in files)
            {
                writer.WriteEntry(File(name, Encoding.UTF8.GetBytes(text)));
            }
        });

    public static byte[] Build(Action<TarWriter> write)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            write(writer);
        }

        return output.ToArray();
    }

    public static PaxTarEntry File(string name, byte[] content) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };

    public static PaxTarEntry Link(string name, string target, TarEntryType type = TarEntryType.SymbolicLink) =>
        new(type, name) { LinkName = target };
}
