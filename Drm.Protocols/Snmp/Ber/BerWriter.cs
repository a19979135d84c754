using System.Buffers;
using System.Buffers.Binary;

namespace Drm.Protocols.Snmp.Ber;

/// <summary>
/// Writes BER with definite, minimal lengths (X.690 8.1.3) into a pooled, growable buffer. Constructed values are
/// opened with <see cref="PushSequence"/> and closed by disposing the scope it returns.
/// </summary>
public sealed class BerWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;

    public BerWriter(int initialCapacity = 512)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public int Length => _length;

    public byte[] ToArray() => WrittenSpan.ToArray();

    /// <summary>Opens a constructed value; its length is written when the returned scope is disposed.</summary>
    public Scope PushSequence(byte tag = BerTag.Sequence)
    {
        WriteByte(tag);
        var lengthAt = _length;
        WriteByte(0);
        return new Scope(this, lengthAt);
    }

    public void WriteInteger(long value, byte tag = BerTag.Integer)
    {
        // X.690 8.3.2: the minimal two's-complement form.
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        var start = 0;
        while (start < 7 && ((bytes[start] == 0x00 && (bytes[start + 1] & 0x80) == 0) || (bytes[start] == 0xFF && (bytes[start + 1] & 0x80) != 0)))
        {
            start++;
        }

        WritePrimitive(tag, bytes[start..]);
    }

    /// <summary>Writes an unsigned value (Counter32, Gauge32, TimeTicks, Counter64) as a non-negative INTEGER.</summary>
    public void WriteUnsigned(ulong value, byte tag)
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = 0;
        BinaryPrimitives.WriteUInt64BigEndian(bytes[1..], value);
        var start = 0;
        while (start < 8 && bytes[start] == 0 && (bytes[start + 1] & 0x80) == 0)
        {
            start++;
        }

        WritePrimitive(tag, bytes[start..]);
    }

    public void WriteOctetString(ReadOnlySpan<byte> value, byte tag = BerTag.OctetString) => WritePrimitive(tag, value);

    public void WriteNull(byte tag = BerTag.Null) => WritePrimitive(tag, []);

    /// <exception cref="ArgumentException">Fewer than two arcs, a first arc above 2, or a second arc above 39 under 0 or 1.</exception>
    public void WriteOid(ObjectIdentifier oid)
    {
        var arcs = oid.Arcs;
        if (arcs.Length < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] > 39))
        {
            throw new ArgumentException($"'{oid}' cannot be encoded: X.690 8.19.4 needs two leading arcs 0–2 and 0–39.", nameof(oid));
        }

        Span<byte> content = stackalloc byte[5 * ObjectIdentifier.MaxArcs];
        var length = WriteSubidentifier(content, (40UL * arcs[0]) + arcs[1]);
        for (var i = 2; i < arcs.Length; i++)
        {
            length += WriteSubidentifier(content[length..], arcs[i]);
        }

        WritePrimitive(BerTag.ObjectIdentifier, content[..length]);
    }

    /// <summary>Writes a varbind value with its SNMP type tag.</summary>
    /// <exception cref="ArgumentException">An <see cref="SnmpType.Invalid"/> value cannot be sent.</exception>
    public void WriteValue(SnmpValue value)
    {
        switch (value.Type)
        {
            case SnmpType.Integer:
                WriteInteger(value.ToInt32());
                break;
            case SnmpType.OctetString:
                WriteOctetString(value.Bytes.Span);
                break;
            case SnmpType.Null:
                WriteNull();
                break;
            case SnmpType.ObjectIdentifier:
                WriteOid(value.ToOid());
                break;
            case SnmpType.IpAddress:
                WriteOctetString(value.Bytes.Span, BerTag.IpAddress);
                break;
            case SnmpType.Counter32:
                WriteUnsigned(value.ToUInt32(), BerTag.Counter32);
                break;
            case SnmpType.Gauge32:
                WriteUnsigned(value.ToUInt32(), BerTag.Gauge32);
                break;
            case SnmpType.TimeTicks:
                WriteUnsigned(value.ToUInt32(), BerTag.TimeTicks);
                break;
            case SnmpType.Opaque:
                WriteOctetString(value.Bytes.Span, BerTag.Opaque);
                break;
            case SnmpType.Counter64:
                WriteUnsigned(value.ToUInt64(), BerTag.Counter64);
                break;
            case SnmpType.NoSuchObject:
                WriteNull(BerTag.NoSuchObject);
                break;
            case SnmpType.NoSuchInstance:
                WriteNull(BerTag.NoSuchInstance);
                break;
            case SnmpType.EndOfMibView:
                WriteNull(BerTag.EndOfMibView);
                break;
            default:
                throw new ArgumentException("An invalid value cannot be encoded.", nameof(value));
        }
    }

    public void WritePrimitive(byte tag, ReadOnlySpan<byte> content)
    {
        WriteByte(tag);
        WriteLength(content.Length);
        Ensure(content.Length);
        content.CopyTo(_buffer.AsSpan(_length));
        _length += content.Length;
    }

    /// <summary>Copies already-encoded TLVs into the output.</summary>
    public void WriteEncoded(ReadOnlySpan<byte> encoded)
    {
        Ensure(encoded.Length);
        encoded.CopyTo(_buffer.AsSpan(_length));
        _length += encoded.Length;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int WriteSubidentifier(Span<byte> destination, ulong value)
    {
        // X.690 8.19.2: base 128, most significant group first, bit 8 set on all but the last octet.
        var groups = 1;
        for (var v = value >> 7; v != 0; v >>= 7)
        {
            groups++;
        }

        for (var i = groups - 1; i >= 0; i--)
        {
            destination[groups - 1 - i] = (byte)(((value >> (7 * i)) & 0x7F) | (i == 0 ? 0u : 0x80u));
        }

        return groups;
    }

    private void WriteLength(int length)
    {
        if (length < 0x80)
        {
            WriteByte((byte)length);
            return;
        }

        var octets = length <= 0xFF ? 1 : length <= 0xFFFF ? 2 : length <= 0xFFFFFF ? 3 : 4;
        WriteByte((byte)(0x80 | octets));
        for (var i = octets - 1; i >= 0; i--)
        {
            WriteByte((byte)(length >> (8 * i)));
        }
    }

    private void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    private void Close(int lengthAt)
    {
        var contentLength = _length - lengthAt - 1;
        if (contentLength < 0x80)
        {
            _buffer[lengthAt] = (byte)contentLength;
            return;
        }

        // The one reserved length octet is too few: move the content right to make room for the long form.
        var octets = contentLength <= 0xFF ? 1 : contentLength <= 0xFFFF ? 2 : contentLength <= 0xFFFFFF ? 3 : 4;
        Ensure(octets);
        _buffer.AsSpan(lengthAt + 1, contentLength).CopyTo(_buffer.AsSpan(lengthAt + 1 + octets));
        _length += octets;
        _buffer[lengthAt] = (byte)(0x80 | octets);
        for (var i = 0; i < octets; i++)
        {
            _buffer[lengthAt + 1 + i] = (byte)(contentLength >> (8 * (octets - 1 - i)));
        }
    }

    /// <summary>An open constructed value; disposing it writes the length.</summary>
    public readonly struct Scope(BerWriter writer, int lengthAt) : IDisposable
    {
        public void Dispose() => writer.Close(lengthAt);
    }
}
