using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Drm.Engine.Mibs;

/// <summary>
/// Turns an uploaded file into MIB texts: a single <c>.mib</c>, <c>.txt</c> or <c>.my</c> file, or a <c>.tar.gz</c>
/// (<c>.tgz</c>) archive of many. Archives are read in memory and never written to disk, and they are refused whole,
/// with nothing taken from them, when an entry is a link or a device, when a name is absolute or climbs out with
/// <c>..</c>, or when they hold too many files or inflate too far (a decompression bomb).
/// </summary>
public static class MibUploadReader
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;
    public const long MaxExtractedBytes = 200 * 1024 * 1024;
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 2_000;

    /// <summary>Extracted bytes per uploaded byte at most; MIB text compresses about 5:1, a bomb a thousand times more.</summary>
    public const int MaxRatio = 100;

    private static readonly string[] SingleFileExtensions = [".mib", ".txt", ".my"];
    private static readonly string[] ArchiveExtensions = [".tar.gz", ".tgz"];

    /// <summary>True when the name has an extension this reader takes.</summary>
    public static bool IsAccepted(string fileName) =>
        SingleFileExtensions.Concat(ArchiveExtensions).Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <exception cref="DrmException"><c>BAD_USER_INPUT</c>: the file or archive is refused, and why.</exception>
    public static IReadOnlyList<(string Name, string Text)> Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > MaxUploadBytes)
        {
            throw DrmException.BadInput($"{fileName} is {content.LongLength:N0} bytes; uploads are limited to {MaxUploadBytes:N0}.");
        }

        if (SingleFileExtensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return [(SafeBaseName(fileName), Decode(content))];
        }

        if (ArchiveExtensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return ReadArchive(fileName, content);
        }

        throw DrmException.BadInput($"{fileName}: upload a .mib, .txt or .my file, or a .tar.gz (.tgz) archive of them.");
    }

    /// <summary>Every file of a .tar.gz archive, by its path inside it, under the limits above (also used for TR-181 uploads).</summary>
    public static IReadOnlyList<(string Name, string Text)> ReadArchive(string fileName, byte[] content)
    {
        var budget = Math.Min(MaxExtractedBytes, Math.Max(MaxFileBytes, content.LongLength * MaxRatio));
        var files = new List<(string, string)>();
        try
        {
            using var gzip = new GZipStream(new MemoryStream(content, writable: false), CompressionMode.Decompress);
            using var limited = new LimitedReadStream(gzip, budget, fileName);
            using var reader = new TarReader(limited);
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                var name = CheckedName(fileName, entry.Name);
                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        continue;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        break;
                    case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                        throw DrmException.BadInput($"{fileName}: '{name}' is a link; archives with links are refused.");
                    default:
                        throw DrmException.BadInput($"{fileName}: '{name}' is a {entry.EntryType} entry; only files and folders are taken.");
                }

                if (entry.Length > MaxFileBytes)
                {
                    throw DrmException.BadInput($"{fileName}: '{name}' is {entry.Length:N0} bytes; a file may have {MaxFileBytes:N0}.");
                }

                if (files.Count == MaxFiles)
                {
                    throw DrmException.BadInput($"{fileName} holds more than {MaxFiles:N0} files.");
                }

                var baseName = Path.GetFileName(name);
                // Hidden files are tools' droppings (macOS "._" forks, editor swap files), never MIB text.
                if (baseName.StartsWith('.') || entry.DataStream is null)
                {
                    continue;
                }

                using var buffer = new MemoryStream((int)entry.Length);
                entry.DataStream.CopyTo(buffer);
                files.Add((name, Decode(buffer.ToArray())));
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw DrmException.BadInput($"{fileName} is not a readable .tar.gz archive: {e.Message}");
        }

        return files.Count > 0 ? files : throw DrmException.BadInput($"{fileName} holds no files.");
    }

    private static string CheckedName(string archive, string name)
    {
        var normalized = name.Replace('\\', '/');
        if (normalized.Length == 0 || normalized.StartsWith('/') || normalized.Contains('\0', StringComparison.Ordinal)
            || normalized.Split('/').Any(part => part == "..") || (normalized.Length > 1 && normalized[1] == ':'))
        {
            throw DrmException.BadInput($"{archive}: the entry '{name}' points outside the archive; such archives are refused.");
        }

        return normalized.TrimStart('.', '/') is { Length: > 0 } trimmed ? trimmed : normalized;
    }

    // The name stored with the module: no folders, whatever the client sent.
    private static string SafeBaseName(string fileName) => Path.GetFileName(fileName.Replace('\\', '/'));

    // Invalid UTF-8 (Latin-1 vendor files) becomes U+FFFD, which only ever sits in descriptions.
    private static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>Fails the read as soon as more than the budget has come out of the decompressor.</summary>
    private sealed class LimitedReadStream(Stream inner, long budget, string archive) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            _read += read;
            return _read <= budget
                ? read
                : throw DrmException.BadInput($"{archive} inflates to more than {budget:N0} bytes ({MaxRatio}× its size, at most {MaxExtractedBytes:N0}); it is refused.");
        }
    }
}
