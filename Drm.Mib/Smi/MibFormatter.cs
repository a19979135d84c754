using System.Globalization;
using System.Text;

namespace Drm.Mib.Smi;

/// <summary>
/// Names and formats what a walk returns with what a <see cref="MibTree"/> knows: <c>IF-MIB::ifDescr.3</c> for an OID
/// (index components decoded from the row's INDEX), enumeration labels, DISPLAY-HINT formatting (RFC 2579), and the
/// reverse, a name to its OID.
/// </summary>
public sealed class MibFormatter(MibTree tree)
{
    public MibTree Tree => tree;

    /// <summary><c>MODULE::name.index</c> for an OID below a named node, or null when no node is known above it.</summary>
    public string? Name(ReadOnlySpan<uint> oid)
    {
        if (tree.FindLongestPrefix(oid) is not var (node, instance))
        {
            return null;
        }

        return instance.Length == 0 ? node.FullName : $"{node.FullName}.{FormatInstance(node, instance)}";
    }

    /// <summary>The index part of a column instance, decoded as net-snmp shows it (<c>3</c>, <c>"eth0"</c>, <c>192.0.2.1.161</c>).</summary>
    public string FormatInstance(MibNode node, uint[] instance)
    {
        var parts = DecodeIndex(node, instance);
        return parts is null ? string.Join('.', instance) : string.Join('.', parts.Select(p => p.Text));
    }

    /// <summary>
    /// Splits a column instance into its INDEX components (the row's INDEX, or the INDEX of the row it AUGMENTS);
    /// null when the node is not a column, its index is unknown, or the arcs do not fit it.
    /// </summary>
    public IReadOnlyList<(string Name, string Text)>? DecodeIndex(MibNode node, uint[] instance)
    {
        if (node.Kind != MibNodeKind.Column || tree.FindByOid(node.Oid.AsSpan(0, node.Oid.Length - 1)) is not { } row)
        {
            return null;
        }

        var index = IndexOf(row, 0);
        if (index is null || index.Count == 0)
        {
            return null;
        }

        var parts = new List<(string, string)>();
        var at = 0;
        for (var i = 0; i < index.Count; i++)
        {
            var item = index[i];
            var last = i == index.Count - 1;
            var itemNode = tree.Find(row.Module, item.Name) ?? tree.FindByName(item.Name).FirstOrDefault();
            var baseType = itemNode?.BaseType ?? item.Name;
            var fixedSize = itemNode?.Definition.Syntax is { } syntax ? FixedSize(syntax, itemNode) : null;
            int length;
            switch (baseType)
            {
                case "INTEGER" or "Integer32" or "Unsigned32" or "Gauge32" or "Counter32" or "TimeTicks" or "Counter" or "Gauge":
                    length = 1;
                    break;
                case "IpAddress" or "NetworkAddress":
                    length = 4;
                    break;
                case "OCTET STRING" or "OBJECT IDENTIFIER" or "Opaque":
                    if (item.Implied && last)
                    {
                        length = instance.Length - at;
                    }
                    else if (fixedSize is { } size && baseType != "OBJECT IDENTIFIER")
                    {
                        length = size;
                    }
                    else
                    {
                        if (at >= instance.Length || instance[at] > instance.Length - at - 1)
                        {
                            return null;
                        }

                        length = (int)instance[at++];
                    }

                    break;
                default:
                    return null;
            }

            if (at + length > instance.Length)
            {
                return null;
            }

            var arcs = instance[at..(at + length)];
            at += length;
            parts.Add((item.Name, baseType switch
            {
                "OCTET STRING" or "Opaque" when arcs.All(a => a is >= 0x20 and < 0x7F) =>
                    "\"" + new string(arcs.Select(a => (char)a).ToArray()) + "\"",
                "OCTET STRING" or "Opaque" when arcs.All(a => a <= 0xFF) =>
                    "'" + Convert.ToHexString(arcs.Select(a => (byte)a).ToArray()) + "'H",
                _ => string.Join('.', arcs),
            }));
        }

        return at == instance.Length ? parts : null;
    }

    /// <summary>An integer as the node's syntax shows it: <c>up(1)</c> for an enumeration, <c>12.34</c> for DISPLAY-HINT <c>d-2</c>.</summary>
    public string FormatInteger(MibNode node, long value)
    {
        if (LabelsOf(node) is { Count: > 0 } labels)
        {
            var label = labels.FirstOrDefault(l => l.Value == value);
            return label is null ? value.ToString(CultureInfo.InvariantCulture) : $"{label.Name}({value})";
        }

        return DisplayHintOf(node) is { } hint ? DisplayHint.FormatInteger(hint, value) : value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Octets as the node's DISPLAY-HINT shows them (a MAC address, a date), else text when printable, else hex.</summary>
    public string FormatOctets(MibNode node, byte[] value)
    {
        if (DisplayHintOf(node) is { } hint && DisplayHint.TryFormatOctets(hint, value, out var text))
        {
            return text;
        }

        return DisplayHint.IsPrintable(value) ? Encoding.UTF8.GetString(value) : Convert.ToHexString(value);
    }

    /// <summary>
    /// The OID of <c>MODULE::name.suffix</c>, <c>name.suffix</c> or dotted-decimal text; null when the name is unknown.
    /// Numeric suffixes only (<c>ifDescr.3</c>).
    /// </summary>
    public uint[]? Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim().TrimStart('.');
        if (text.Length > 0 && char.IsAsciiDigit(text[0]))
        {
            return Oids.OidText.TryParse(text, out var numeric) ? numeric : null;
        }

        string? module = null;
        var separator = text.IndexOf("::", StringComparison.Ordinal);
        if (separator >= 0)
        {
            module = text[..separator];
            text = text[(separator + 2)..];
        }

        var dot = text.IndexOf('.');
        var name = dot < 0 ? text : text[..dot];
        var node = module is null ? tree.FindByName(name).FirstOrDefault() : tree.Find(module, name);
        if (node is null)
        {
            return null;
        }

        if (dot < 0)
        {
            return node.Oid;
        }

        return Oids.OidText.TryParse(text.AsSpan(dot + 1), out var suffix) ? [.. node.Oid, .. suffix] : null;
    }

    public IReadOnlyList<MibNamedNumber>? LabelsOf(MibNode node) =>
        node.Definition.Syntax is { NamedNumbers.Count: > 0 } syntax ? syntax.NamedNumbers
            : node.TextualConventions.Select(t => t.Syntax.NamedNumbers).FirstOrDefault(n => n.Count > 0);

    public static string? DisplayHintOf(MibNode node) => node.TextualConventions.Select(t => t.DisplayHint).FirstOrDefault(h => h is not null);

    /// <summary>A row's INDEX, or the INDEX of the row it AUGMENTS; null when neither is known.</summary>
    public IReadOnlyList<MibIndexItem>? IndexOf(MibNode row) => IndexOf(row, 0);

    private IReadOnlyList<MibIndexItem>? IndexOf(MibNode row, int depth)
    {
        if (row.Definition.Index.Count > 0)
        {
            return row.Definition.Index;
        }

        if (row.Definition.Augments is { } augmented && depth < 8)
        {
            var target = tree.Find(row.Module, augmented) ?? tree.FindByName(augmented).FirstOrDefault();
            return target is null ? null : IndexOf(target, depth + 1);
        }

        return null;
    }

    private static int? FixedSize(MibSyntax syntax, MibNode node)
    {
        var sizes = syntax.Sizes.Count > 0 ? syntax.Sizes : node.TextualConventions.Select(t => t.Syntax.Sizes).FirstOrDefault(s => s.Count > 0) ?? [];
        return sizes is [{ } only] && only.Low == only.High ? (int)only.Low : null;
    }
}
