using System.Globalization;
using System.Text;
using Drm.Mib.Oids;
using Drm.Mib.Smi;

namespace Drm.Engine.Mibs;

/// <summary>
/// What one set of MIB modules says about result rows: <c>IF-MIB::ifDescr.3</c> for an OID, <c>up(1)</c> or a
/// DISPLAY-HINT rendering for a value.
/// </summary>
public sealed class MibNaming(MibFormatter formatter)
{
    public MibFormatter Formatter => formatter;

    /// <summary>The MIB name of a dotted OID, or null when no module knows a node above it.</summary>
    public string? NameOf(string oid) => OidText.TryParse(oid, out var arcs) ? formatter.Name(arcs) : null;

    /// <summary>
    /// A result value as the MIB shows it (an enumeration label, a MAC address, a date), from its net-snmp type name
    /// and text; null when no module knows the OID or the MIB adds nothing to the value as stored.
    /// </summary>
    public string? DisplayValueOf(string oid, string type, string value)
    {
        if (!OidText.TryParse(oid, out var arcs) || formatter.Tree.FindLongestPrefix(arcs) is not var (node, _))
        {
            return null;
        }

        string shown;
        switch (type)
        {
            case "INTEGER" when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                shown = formatter.FormatInteger(node, number);
                break;
            case "STRING":
                shown = formatter.FormatOctets(node, Encoding.UTF8.GetBytes(value));
                break;
            case "Hex-STRING" when value.Length % 2 == 0 && value.All(char.IsAsciiHexDigit):
                shown = formatter.FormatOctets(node, Convert.FromHexString(value));
                break;
            default:
                return null;
        }

        return shown == value ? null : shown;
    }
}
