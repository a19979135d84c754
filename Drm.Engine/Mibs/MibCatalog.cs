using System.Globalization;
using System.Text;
using Drm.Mib.Oids;
using Drm.Mib.Smi;
using Microsoft.Extensions.Logging;

namespace Drm.Engine.Mibs;

/// <summary>
/// The global MIB modules, parsed from the folders in <c>MIB_DIRS</c> on first use, and what they say about result
/// rows: <c>IF-MIB::ifDescr.3</c> for an OID, <c>up(1)</c> or a DISPLAY-HINT rendering for a value.
/// </summary>
public sealed class MibCatalog
{
    private readonly Lazy<MibFormatter> _formatter;

    public MibCatalog(EngineOptions options, ILogger<MibCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _formatter = new Lazy<MibFormatter>(() => Load(options.MibDirectories, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public MibFormatter Formatter => _formatter.Value;

    /// <summary>True once the folders have been parsed.</summary>
    public bool IsLoaded => _formatter.IsValueCreated;

    /// <summary>The MIB name of a dotted OID, or null when no loaded module knows a node above it.</summary>
    public string? NameOf(string oid) => OidText.TryParse(oid, out var arcs) ? Formatter.Name(arcs) : null;

    /// <summary>
    /// A result value as the MIB shows it (an enumeration label, a MAC address, a date), from its net-snmp type name
    /// and text; null when no module knows the OID or the MIB adds nothing to the value as stored.
    /// </summary>
    public string? DisplayValueOf(string oid, string type, string value)
    {
        if (!OidText.TryParse(oid, out var arcs) || Formatter.Tree.FindLongestPrefix(arcs) is not var (node, _))
        {
            return null;
        }

        string shown;
        switch (type)
        {
            case "INTEGER" when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                shown = Formatter.FormatInteger(node, number);
                break;
            case "STRING":
                shown = Formatter.FormatOctets(node, Encoding.UTF8.GetBytes(value));
                break;
            case "Hex-STRING" when value.Length % 2 == 0 && value.All(char.IsAsciiHexDigit):
                shown = Formatter.FormatOctets(node, Convert.FromHexString(value));
                break;
            default:
                return null;
        }

        return shown == value ? null : shown;
    }

    private static MibFormatter Load(IReadOnlyList<string> directories, ILogger logger)
    {
        var present = directories.Where(Directory.Exists).ToArray();
        foreach (var missing in directories.Except(present))
        {
            logger.LogWarning("MIB folder {Folder} does not exist; its modules are not loaded.", missing);
        }

        var files = MibFile.Load(present);
        var tree = MibTree.Build(files.SelectMany(f => f.Modules));
        logger.LogInformation("Loaded {Modules} MIB modules ({Nodes} named OIDs) from {Folders}.",
            files.Sum(f => f.Modules.Count), tree.Nodes.Count, string.Join(':', present));
        return new MibFormatter(tree);
    }
}
