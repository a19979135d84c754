namespace Drm.Protocols.Snmp.Ber;

/// <summary>
/// Reads BER TLVs forward over a span. Every structural problem (a length past the end, an indefinite length, a
/// multi-byte tag) throws <see cref="BerContentException"/> with the offset; nothing else is thrown, nothing loops,
/// and nothing is allocated but the values returned.
/// </summary>
public ref struct BerReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _origin;
    private int _position;

    public BerReader(ReadOnlySpan<byte> data, int origin = 0)
    {
        _data = data;
        _origin = origin;
        _position = 0;
    }

    public readonly bool HasData => _position < _data.Length;

    /// <summary>The absolute offset of the next byte in the outermost buffer.</summary>
    public readonly int Offset => _origin + _position;

    /// <summary>The bytes not read yet.</summary>
    public readonly ReadOnlySpan<byte> Remaining => _data[_position..];

    public readonly byte PeekTag()
    {
        if (!HasData)
        {
            throw new BerContentException("Expected a tag, found the end of the data", Offset);
        }

        return _data[_position];
    }

    /// <summary>Reads any TLV and returns its tag, its content and the content's absolute offset.</summary>
    public byte ReadTlv(out ReadOnlySpan<byte> content, out int contentOffset)
    {
        var start = Offset;
        var tag = PeekTag();
        if ((tag & 0x1F) == 0x1F)
        {
            // X.690 8.1.2.4: high tag numbers never occur in SNMP.
            throw new BerContentException($"Unsupported multi-byte tag 0x{tag:X2}", start);
        }

        _position++;
        var length = ReadLength();
        if (length > _data.Length - _position)
        {
            throw new BerContentException($"Length {length} runs past the end of the data ({_data.Length - _position} bytes left)", start);
        }

        contentOffset = Offset;
        content = _data.Slice(_position, length);
        _position += length;
        return tag;
    }

    /// <summary>Reads a TLV that must carry <paramref name="expectedTag"/> and returns its content.</summary>
    public ReadOnlySpan<byte> ReadPrimitive(byte expectedTag)
    {
        var start = Offset;
        var tag = ReadTlv(out var content, out _);
        if (tag != expectedTag)
        {
            throw new BerContentException($"Expected tag 0x{expectedTag:X2}, found 0x{tag:X2}", start);
        }

        return content;
    }

    /// <summary>Reads a constructed TLV (a SEQUENCE or a PDU) and returns a reader over its content.</summary>
    public BerReader ReadSequence(byte expectedTag = BerTag.Sequence)
    {
        var start = Offset;
        var tag = ReadTlv(out var content, out var contentOffset);
        if (tag != expectedTag)
        {
            throw new BerContentException($"Expected tag 0x{expectedTag:X2}, found 0x{tag:X2}", start);
        }

        return new BerReader(content, contentOffset);
    }

    public int ReadInt32(byte expectedTag = BerTag.Integer)
    {
        var start = Offset;
        return BerDecoder.TryDecodeInt32(ReadPrimitive(expectedTag), out var value)
            ? value
            : throw new BerContentException("INTEGER does not fit 32 bits", start);
    }

    public ReadOnlySpan<byte> ReadOctetString() => ReadPrimitive(BerTag.OctetString);

    public ObjectIdentifier ReadOid()
    {
        var start = Offset;
        return BerDecoder.TryDecodeOid(ReadPrimitive(BerTag.ObjectIdentifier), out var arcs)
            ? new ObjectIdentifier(arcs)
            : throw new BerContentException("Malformed OBJECT IDENTIFIER", start);
    }

    /// <summary>Reads a varbind value; content that cannot be represented becomes <see cref="SnmpType.Invalid"/>.</summary>
    public SnmpValue ReadValue()
    {
        var tag = ReadTlv(out var content, out _);
        return tag switch
        {
            BerTag.Integer => BerDecoder.TryDecodeInt32(content, out var i) ? SnmpValue.Integer(i) : Invalid(tag, content, "INTEGER does not fit 32 bits"),
            BerTag.OctetString => SnmpValue.OctetString(content.ToArray()),
            BerTag.Null => content.IsEmpty ? SnmpValue.Null : Invalid(tag, content, "NULL with content"),
            BerTag.ObjectIdentifier => BerDecoder.TryDecodeOid(content, out var arcs)
                ? SnmpValue.Oid(new ObjectIdentifier(arcs))
                : Invalid(tag, content, "malformed OBJECT IDENTIFIER"),
            BerTag.IpAddress => content.Length == 4
                ? SnmpValue.IpAddress(new System.Net.IPAddress(content))
                : Invalid(tag, content, $"IpAddress of {content.Length} octets"),
            BerTag.Counter32 => Unsigned32(tag, content, SnmpValue.Counter32),
            BerTag.Gauge32 => Unsigned32(tag, content, SnmpValue.Gauge32),
            BerTag.TimeTicks => Unsigned32(tag, content, SnmpValue.TimeTicks),
            BerTag.Opaque => SnmpValue.Opaque(content.ToArray()),
            BerTag.Counter64 => BerDecoder.TryDecodeUnsigned(content, 64, out var c64)
                ? SnmpValue.Counter64(c64)
                : Invalid(tag, content, "Counter64 wider than 64 bits"),
            BerTag.NoSuchObject => SnmpValue.NoSuchObject,
            BerTag.NoSuchInstance => SnmpValue.NoSuchInstance,
            BerTag.EndOfMibView => SnmpValue.EndOfMibView,
            _ => Invalid(tag, content, "unknown type"),
        };
    }

    /// <summary>Fails unless every byte was read: trailing garbage inside a structure is malformed.</summary>
    public readonly void EnsureFullyRead()
    {
        if (HasData)
        {
            throw new BerContentException($"{_data.Length - _position} unexpected trailing bytes", Offset);
        }
    }

    private static SnmpValue Unsigned32(byte tag, ReadOnlySpan<byte> content, Func<uint, SnmpValue> create) =>
        BerDecoder.TryDecodeUnsigned(content, 32, out var value) ? create((uint)value) : Invalid(tag, content, "value wider than 32 bits");

    private static SnmpValue Invalid(byte tag, ReadOnlySpan<byte> content, string error) => SnmpValue.Invalid(tag, content.ToArray(), error);

    // X.690 8.1.3: short form, or long form with up to four length octets; indefinite form (0x80) is not allowed in SNMP.
    private int ReadLength()
    {
        var start = Offset;
        if (!HasData)
        {
            throw new BerContentException("Expected a length, found the end of the data", start);
        }

        var first = _data[_position++];
        if (first < 0x80)
        {
            return first;
        }

        var octets = first & 0x7F;
        if (octets == 0)
        {
            throw new BerContentException("Indefinite length is not allowed", start);
        }

        if (octets > 4 || octets > _data.Length - _position)
        {
            throw new BerContentException($"Length of {octets} octets is not supported or truncated", start);
        }

        long length = 0;
        for (var i = 0; i < octets; i++)
        {
            length = (length << 8) | _data[_position++];
        }

        // Non-minimal long forms are accepted (agents send them); the value still has to fit the data.
        return length > int.MaxValue ? throw new BerContentException("Length too large", start) : (int)length;
    }
}
