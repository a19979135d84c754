using System.Globalization;

namespace Drm.TestUtils;

/// <summary>
/// Runs net-snmp's command-line tools (Debian <c>snmp</c>) and parses what they print. Options <c>-On -Oe -Ot -Ox</c>
/// make the output unambiguous: numeric OIDs, numeric enums and timeticks, and every octet string in hex.
/// </summary>
public static class NetSnmpTools
{
    public static async Task<IReadOnlyList<NetSnmpVarBind>> BulkWalkAsync(
        string agent, IEnumerable<string> securityArguments, string rootOid, int maxRepetitions = 25)
    {
        var result = await RunAsync("snmpbulkwalk", [.. securityArguments, $"-Cr{maxRepetitions}", agent, rootOid]);
        return Parse(result);
    }

    public static async Task<IReadOnlyList<NetSnmpVarBind>> GetAsync(string agent, IEnumerable<string> securityArguments, params string[] oids)
    {
        var result = await RunAsync("snmpget", [.. securityArguments, agent, .. oids]);
        return Parse(result);
    }

    /// <summary>Runs <c>snmpset</c> with net-snmp's TYPE letters (s, i, x…).</summary>
    public static Task<string> SetAsync(string agent, IEnumerable<string> securityArguments, string oid, char type, string value) =>
        RunAsync("snmpset", [.. securityArguments, agent, oid, type.ToString(), value]);

    /// <summary>Parses tool output; a line not starting with a dot continues the previous value (long hex strings wrap).</summary>
    public static IReadOnlyList<NetSnmpVarBind> Parse(string output)
    {
        var result = new List<NetSnmpVarBind>();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith('.'))
            {
                var equals = line.IndexOf(" = ", StringComparison.Ordinal);
                var oid = line[1..equals];
                var rest = line[(equals + 3)..];
                var colon = rest.IndexOf(": ", StringComparison.Ordinal);
                if (rest.StartsWith("No more variables", StringComparison.Ordinal) || rest.StartsWith("No Such", StringComparison.Ordinal))
                {
                    continue;
                }

                // With -Ot net-snmp prints timeticks as a bare number, without a type.
                var (type, value) = colon >= 0 ? (rest[..colon], rest[(colon + 2)..])
                    : rest.Trim().All(char.IsAsciiDigit) ? ("Timeticks", rest.Trim())
                    : (rest.TrimEnd(':'), "");
                result.Add(new NetSnmpVarBind(oid, type, value.Trim()));
            }
            else if (line.Trim().Length > 0 && result.Count > 0)
            {
                result[^1] = result[^1] with { Value = (result[^1].Value + " " + line.Trim()).Trim() };
            }
        }

        return result.Select(Normalize).ToList();
    }

    private static NetSnmpVarBind Normalize(NetSnmpVarBind varBind) => varBind.Type switch
    {
        "Hex-STRING" or "STRING" => varBind with { Type = "OCTETS", Value = varBind.Value.Replace(" ", "", StringComparison.Ordinal).Trim('"') },
        "OID" => varBind with { Value = varBind.Value.TrimStart('.') },
        "Timeticks" => varBind with { Value = varBind.Value.Trim('(', ')') },
        "\"\"" => varBind with { Type = "OCTETS", Value = "" },
        _ => varBind,
    };

    private static async Task<string> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var persistent = Directory.CreateTempSubdirectory("drm-netsnmp-").FullName;
        try
        {
            var result = await ProcessRunner.RunAsync(
                $"/usr/bin/{tool}", ["-On", "-Oe", "-Ot", "-Ox", "-t", "5", "-r", "1", .. arguments], TimeSpan.FromMinutes(2),
                new Dictionary<string, string> { ["SNMP_PERSISTENT_DIR"] = persistent, ["MIBS"] = "" });
            return result.EnsureSuccess(tool).StandardOutput;
        }
        finally
        {
            Directory.Delete(persistent, recursive: true);
        }
    }

    /// <summary>Our value in the same normalized text, to compare with <see cref="NetSnmpVarBind"/>.</summary>
    public static NetSnmpVarBind FromOurs(Drm.Protocols.Snmp.VarBind varBind)
    {
        var value = varBind.Value;
        var (type, text) = value.Type switch
        {
            Drm.Protocols.Snmp.SnmpType.OctetString => ("OCTETS", Convert.ToHexString(value.Bytes.Span)),
            Drm.Protocols.Snmp.SnmpType.Opaque => ("Opaque", Convert.ToHexString(value.Bytes.Span)),
            _ => (value.TypeName, value.ToString()),
        };
        return new NetSnmpVarBind(varBind.Oid.ToString(), type, text.ToString(CultureInfo.InvariantCulture));
    }
}
