using System.Globalization;
using System.Net;
using System.Text;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Security;
using Drm.Protocols.Snmp.Transport;

namespace Drm.GraphQL.Cli;

/// <summary>
/// <c>drm snmp get|getnext|set|walk|bulkwalk</c> with net-snmp-like flags, printing <c>OID = TYPE: value</c> lines,
/// so an engineer can check a device by hand with the same engine the service uses.
/// </summary>
public static class SnmpCommand
{
    public const string Usage = """
        Usage: drm snmp get|getnext|set|walk|bulkwalk [options] AGENT OID [OID...]
               drm snmp set [options] AGENT OID TYPE VALUE [OID TYPE VALUE...]
          -v 1|2c|3          version (default 2c)          -c COMMUNITY     community (default public)
          -u USER            v3 user                        -l LEVEL         noAuthNoPriv|authNoPriv|authPriv
          -a PROTO           MD5|SHA|SHA-224|SHA-256|SHA-384|SHA-512     -A PASS   auth password
          -x PROTO           DES|3DES|AES|AES-192|AES-256|AES192C|AES256C -X PASS   privacy password
          -n CONTEXT         v3 context name (default empty)
          -t SECONDS         timeout (default 5)            -r N             retries (default 2)
          -Cr N              max-repetitions for bulkwalk (default 25)      -Cc      allow non-increasing OIDs
          AGENT              host, host:port, udp:host:port, udp6:[::1]:port
          SET TYPE           i INTEGER, u Unsigned32, c Counter32, C Counter64, t TimeTicks, a IpAddress, o OID, s STRING, x hex
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length == 0)
        {
            throw new CliException("drm snmp needs an operation.\n" + Usage);
        }

        var operation = args[0];
        var (options, positionals) = Parse(args[1..]);
        if (positionals.Count < 2)
        {
            throw new CliException("drm snmp needs an AGENT and at least one OID.\n" + Usage);
        }

        var agent = BuildAgent(options, positionals[0]);
        await using var transport = new SnmpUdpTransport();
        var client = new SnmpClient(transport, agent);
        var rest = positionals.Skip(1).ToList();
        try
        {
            switch (operation)
            {
                case "get":
                    Print(output, await client.GetAsync(rest.Select(ParseOid).ToList(), cancellationToken));
                    break;
                case "getnext":
                    Print(output, await client.GetNextAsync(rest.Select(ParseOid).ToList(), cancellationToken));
                    break;
                case "set":
                    Print(output, await client.SetAsync(ParseSetArguments(rest), cancellationToken));
                    break;
                case "walk" or "bulkwalk":
                    var walkOptions = new BulkWalkOptions
                    {
                        MaxRepetitions = options.TryGetValue("Cr", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : null,
                        AllowNonIncreasing = options.ContainsKey("Cc"),
                    };
                    var walkAgent = operation == "walk" ? agent with { MaxRepetitions = 1 } : agent;
                    var walker = new SnmpClient(transport, walkAgent);
                    foreach (var root in rest.Select(ParseOid))
                    {
                        await foreach (var batch in walker.BulkWalkAsync(root, walkOptions, cancellationToken))
                        {
                            Print(output, batch);
                        }
                    }

                    break;
                default:
                    throw new CliException($"Unknown SNMP operation '{operation}'.\n" + Usage);
            }
        }
        catch (SnmpClientException e)
        {
            await Console.Error.WriteLineAsync($"drm snmp: {e.Message}");
            return 1;
        }

        return 0;
    }

    /// <summary>One varbind as a line: <c>.1.3.6.1.2.1.1.1.0 = STRING: "Linux"</c>.</summary>
    public static string Format(VarBind varBind)
    {
        var value = varBind.Value;
        var text = value.Type switch
        {
            SnmpType.OctetString when value.TypeName == "STRING" => $"\"{value}\"",
            SnmpType.OctetString or SnmpType.Opaque => Convert.ToHexString(value.Bytes.Span).Chunk(2).Aggregate(
                new StringBuilder(), (b, pair) => b.Append(b.Length > 0 ? " " : "").Append(pair)).ToString(),
            SnmpType.ObjectIdentifier => "." + value,
            _ => value.ToString(),
        };
        return value.IsException ? $".{varBind.Oid} = {text}" : $".{varBind.Oid} = {value.TypeName}: {text}";
    }

    private static void Print(TextWriter output, IReadOnlyList<VarBind> varBinds)
    {
        foreach (var varBind in varBinds)
        {
            output.WriteLine(Format(varBind));
        }
    }

    private static (Dictionary<string, string> Options, List<string> Positionals) Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positionals = new List<string>();
        string[] withValue = ["v", "c", "u", "l", "a", "A", "x", "X", "t", "r", "n"];
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg.Length == 1 || char.IsDigit(arg[1]))
            {
                positionals.Add(arg);
                continue;
            }

            var name = arg[1..];
            if (name.StartsWith('C'))
            {
                // -Cr50, -Cr 50, -Cc
                var flag = name[..2];
                var inline = name[2..];
                options[flag] = inline.Length > 0 || flag == "Cc" ? inline : i + 1 < args.Length ? args[++i] : "";
                continue;
            }

            var key = name[..1];
            if (!withValue.Contains(key))
            {
                throw new CliException($"Unknown option -{key}.\n" + Usage);
            }

            options[key] = name.Length > 1 ? name[1..] : i + 1 < args.Length ? args[++i] : throw new CliException($"-{key} needs a value.");
        }

        return (options, positionals);
    }

    private static SnmpAgent BuildAgent(Dictionary<string, string> options, string target)
    {
        var version = options.GetValueOrDefault("v", "2c") switch
        {
            "1" => SnmpVersion.V1,
            "2c" => SnmpVersion.V2c,
            "3" => SnmpVersion.V3,
            var v => throw new CliException($"-v {v}: use 1, 2c or 3."),
        };
        SnmpUser? user = null;
        if (version == SnmpVersion.V3)
        {
            var level = options.GetValueOrDefault("l", options.ContainsKey("X") ? "authPriv" : options.ContainsKey("A") ? "authNoPriv" : "noAuthNoPriv");
            var auth = level == "noAuthNoPriv" ? SnmpAuthProtocol.None : SnmpSecurityProtocols.ParseAuth(options.GetValueOrDefault("a", "MD5"));
            var priv = level == "authPriv" ? SnmpSecurityProtocols.ParsePriv(options.GetValueOrDefault("x", "DES")) : SnmpPrivProtocol.None;
            user = new SnmpUser(
                options.TryGetValue("u", out var name) ? name : throw new CliException("-v 3 needs -u USER."),
                auth, options.GetValueOrDefault("A"), priv, options.GetValueOrDefault("X"));
        }

        return new SnmpAgent
        {
            EndPoint = ParseEndPoint(target),
            Version = version,
            Community = Encoding.UTF8.GetBytes(options.GetValueOrDefault("c", "public")),
            User = user,
            ContextName = Encoding.UTF8.GetBytes(options.GetValueOrDefault("n", "")),
            Timeout = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("t", "5"), CultureInfo.InvariantCulture)),
            Retries = int.Parse(options.GetValueOrDefault("r", "2"), CultureInfo.InvariantCulture),
            MaxRepetitions = options.TryGetValue("Cr", out var reps) ? int.Parse(reps, CultureInfo.InvariantCulture) : 25,
        };
    }

    internal static IPEndPoint ParseEndPoint(string target)
    {
        var text = target;
        foreach (var prefix in new[] { "udp6:", "udp:" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..];
            }
        }

        if (IPEndPoint.TryParse(text, out var endPoint) && (text.Contains(']', StringComparison.Ordinal) || text.Count(c => c == ':') <= 1))
        {
            return endPoint.Port == 0 ? new IPEndPoint(endPoint.Address, 161) : endPoint;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            return new IPEndPoint(address, 161);
        }

        var colon = text.LastIndexOf(':');
        var host = colon > 0 ? text[..colon] : text;
        var port = colon > 0 ? int.Parse(text[(colon + 1)..], CultureInfo.InvariantCulture) : 161;
        var resolved = Dns.GetHostAddresses(host).FirstOrDefault() ?? throw new CliException($"Cannot resolve {host}.");
        return new IPEndPoint(resolved, port);
    }

    private static ObjectIdentifier ParseOid(string text) =>
        ObjectIdentifier.TryParse(text, out var oid) ? oid : throw new CliException($"'{text}' is not a numeric OID (MIB names come with the MIB library).");

    private static List<VarBind> ParseSetArguments(List<string> rest)
    {
        if (rest.Count % 3 != 0)
        {
            throw new CliException("set needs OID TYPE VALUE triples.");
        }

        var result = new List<VarBind>();
        for (var i = 0; i < rest.Count; i += 3)
        {
            var value = rest[i + 2];
            SnmpValue snmpValue;
            try
            {
                snmpValue = SnmpValueParser.Parse(rest[i + 1], value);
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message + "\n" + Usage);
            }

            result.Add(new VarBind(ParseOid(rest[i]), snmpValue));
        }

        return result;
    }
}
