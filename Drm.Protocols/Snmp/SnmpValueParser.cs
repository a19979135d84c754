using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Drm.Protocols.Snmp;

/// <summary>Reads a typed value the way net-snmp's <c>snmpset</c> takes it: a type (letter or name) and text.</summary>
public static class SnmpValueParser
{
    /// <summary>The accepted types: net-snmp's letters and their names.</summary>
    public const string TypesHelp = "i/INTEGER, u/Gauge32/Unsigned32, c/Counter32, C/Counter64, t/TimeTicks, a/IpAddress, o/OID, s/STRING, x/Hex-STRING";

    /// <exception cref="FormatException">Unknown type, or a value that is not of that type or out of its range.</exception>
    public static SnmpValue Parse(string type, string text)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return type.Trim() switch
            {
                "i" or "INTEGER" or "Integer" or "Integer32" => SnmpValue.Integer(int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
                "u" or "Gauge32" or "Unsigned32" or "Gauge" => SnmpValue.Gauge32(uint.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)),
                "c" or "Counter32" or "Counter" => SnmpValue.Counter32(uint.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)),
                "C" or "Counter64" => SnmpValue.Counter64(ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)),
                "t" or "TimeTicks" or "Timeticks" => SnmpValue.TimeTicks(uint.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)),
                "a" or "IpAddress" => SnmpValue.IpAddress(ParseIPv4(text)),
                "o" or "OID" or "ObjectIdentifier" or "OBJECT IDENTIFIER" => SnmpValue.Oid(ObjectIdentifier.TryParse(text, out var oid)
                    ? oid
                    : throw new FormatException($"'{text}' is not a numeric OID.")),
                "s" or "STRING" or "OctetString" or "OCTET STRING" => SnmpValue.OctetString(text),
                "x" or "Hex-STRING" or "HexString" => SnmpValue.OctetString(Convert.FromHexString(
                    text.Replace(" ", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal))),
                _ => throw new FormatException($"Unknown SNMP type '{type}'; use one of {TypesHelp}."),
            };
        }
        catch (OverflowException)
        {
            throw new FormatException($"'{text}' is out of range for {type}.");
        }
        catch (FormatException e) when (!e.Message.StartsWith("Unknown SNMP type", StringComparison.Ordinal) && !e.Message.StartsWith('\''))
        {
            throw new FormatException($"'{text}' is not a valid {type} value.");
        }
    }

    private static IPAddress ParseIPv4(string text) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') == 3
            ? address
            : throw new FormatException($"'{text}' is not an IPv4 address.");
}
