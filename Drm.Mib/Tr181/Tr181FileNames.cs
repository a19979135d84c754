using System.Globalization;
using System.Text.RegularExpressions;

namespace Drm.Mib.Tr181;

/// <summary>The files present, and for each unversioned name the newest versioned file present.</summary>
internal sealed partial class Tr181FileNames
{
    private readonly HashSet<string> _present = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Amendment, int Corrigendum, string File)> _newest = new(StringComparer.Ordinal);

    public Tr181FileNames(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            _present.Add(file);
            if (VersionedName().Match(file) is not { Success: true } m)
            {
                continue;
            }

            var unversioned = $"{m.Groups["doc"].Value}-{m.Groups["label"].Value}.xml";
            var amendment = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            var corrigendum = int.Parse(m.Groups["c"].Value, CultureInfo.InvariantCulture);
            if (!_newest.TryGetValue(unversioned, out var best) || (amendment, corrigendum).CompareTo((best.Amendment, best.Corrigendum)) > 0)
            {
                _newest[unversioned] = (amendment, corrigendum, file);
            }
        }
    }

    /// <summary>The file an import's name means: that very file if present, else the newest version of it.</summary>
    public string? Resolve(string importName) =>
        _present.Contains(importName) ? importName : _newest.TryGetValue(importName, out var best) ? best.File : null;

    // tr-181-2-19-0-iot.xml: document tr-181 issue 2, amendment 19, corrigendum 0, label iot.
    [GeneratedRegex(@"^(?<doc>tr-\d+-\d+)-(?<a>\d+)-(?<c>\d+)-(?<label>.+)\.xml$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedName();
}
