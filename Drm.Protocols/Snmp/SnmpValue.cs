using System.Globalization;
using System.Net;
using System.Text;

namespace Drm.Protocols.Snmp;

/// <summary>
/// A varbind value. Numbers live inline; octet strings, IP addresses and opaque values keep their bytes; an
/// <see cref="SnmpType.Invalid"/> value carries the raw tag and bytes and why it could not be read, so one odd value
/// never fails a whole walk.
/// </summary>
public readonly struct SnmpValue : IEquatable<SnmpValue>
{
    private readonly ulong _number;
    private readonly byte[]? _bytes;
    private readonly ObjectIdentifier _oid;

    private SnmpValue(SnmpType type, ulong number = 0, byte[]? bytes = null, ObjectIdentifier oid = default, byte rawTag = 0, string? error = null)
    {
        Type = type;
        _number = number;
        _bytes = bytes;
        _oid = oid;
        RawTag = rawTag;
        Error = error;
    }

    public SnmpType Type { get; }

    /// <summary>For <see cref="SnmpType.Invalid"/>: the BER tag the agent used.</summary>
    public byte RawTag { get; }

    /// <summary>For <see cref="SnmpType.Invalid"/>: why the value could not be read.</summary>
    public string? Error { get; }

    public static SnmpValue Null => new(SnmpType.Null);

    public static SnmpValue NoSuchObject => new(SnmpType.NoSuchObject);

    public static SnmpValue NoSuchInstance => new(SnmpType.NoSuchInstance);

    public static SnmpValue EndOfMibView => new(SnmpType.EndOfMibView);

    /// <summary>True for noSuchObject, noSuchInstance and endOfMibView.</summary>
    public bool IsException => Type is SnmpType.NoSuchObject or SnmpType.NoSuchInstance or SnmpType.EndOfMibView;

    public static SnmpValue Integer(int value) => new(SnmpType.Integer, unchecked((ulong)(long)value));

    public static SnmpValue OctetString(byte[] value) => new(SnmpType.OctetString, bytes: value ?? throw new ArgumentNullException(nameof(value)));

    public static SnmpValue OctetString(string value) => OctetString(Encoding.UTF8.GetBytes(value));

    public static SnmpValue Oid(ObjectIdentifier value) => new(SnmpType.ObjectIdentifier, oid: value);

    /// <exception cref="ArgumentException">The address is not IPv4 (SMIv2 IpAddress is 4 octets).</exception>
    public static SnmpValue IpAddress(IPAddress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = value.GetAddressBytes();
        return bytes.Length == 4 ? new(SnmpType.IpAddress, bytes: bytes) : throw new ArgumentException("IpAddress holds IPv4 addresses only.", nameof(value));
    }

    public static SnmpValue Counter32(uint value) => new(SnmpType.Counter32, value);

    public static SnmpValue Gauge32(uint value) => new(SnmpType.Gauge32, value);

    public static SnmpValue TimeTicks(uint value) => new(SnmpType.TimeTicks, value);

    public static SnmpValue Counter64(ulong value) => new(SnmpType.Counter64, value);

    public static SnmpValue Opaque(byte[] value) => new(SnmpType.Opaque, bytes: value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A value that could not be decoded; the walk goes on and reports it on its varbind.</summary>
    public static SnmpValue Invalid(byte rawTag, byte[] rawContent, string error) =>
        new(SnmpType.Invalid, bytes: rawContent, rawTag: rawTag, error: error);

    /// <summary>Integer values.</summary>
    /// <exception cref="InvalidOperationException">The value is of another type.</exception>
    public int ToInt32() => Type == SnmpType.Integer ? unchecked((int)(long)_number) : throw WrongType("an Integer");

    /// <summary>Counter32, Gauge32 (Unsigned32) and TimeTicks values.</summary>
    public uint ToUInt32() =>
        Type is SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks ? (uint)_number : throw WrongType("a 32-bit unsigned value");

    public ulong ToUInt64() => Type == SnmpType.Counter64 ? _number : throw WrongType("a Counter64");

    /// <summary>The bytes of an OctetString, IpAddress, Opaque or Invalid value.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    public ObjectIdentifier ToOid() => Type == SnmpType.ObjectIdentifier ? _oid : throw WrongType("an ObjectIdentifier");

    /// <summary>The value as net-snmp prints it with <c>-On -Oe -Ot</c>, without the type prefix.</summary>
    public override string ToString() => Type switch
    {
        SnmpType.Integer => ToInt32().ToString(CultureInfo.InvariantCulture),
        SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks => ToUInt32().ToString(CultureInfo.InvariantCulture),
        SnmpType.Counter64 => _number.ToString(CultureInfo.InvariantCulture),
        SnmpType.OctetString => IsPrintable(_bytes!) ? Encoding.UTF8.GetString(_bytes!) : Convert.ToHexString(_bytes!),
        SnmpType.IpAddress => new IPAddress(_bytes!).ToString(),
        SnmpType.ObjectIdentifier => _oid.ToString(),
        SnmpType.Opaque => Convert.ToHexString(_bytes!),
        SnmpType.Null => "",
        SnmpType.NoSuchObject => "No Such Object available on this agent at this OID",
        SnmpType.NoSuchInstance => "No Such Instance currently exists at this OID",
        SnmpType.EndOfMibView => "No more variables left in this MIB View",
        _ => $"invalid value (tag 0x{RawTag:X2}, {Convert.ToHexString(_bytes ?? [])}): {Error}",
    };

    /// <summary>An upper bound of the bytes <see cref="TryFormat"/> writes.</summary>
    public int MaxFormattedLength => Type switch
    {
        SnmpType.Integer or SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.Counter64 => 20,
        // Printable octets are written as they are, others as two hex digits each.
        SnmpType.OctetString or SnmpType.Opaque => 2 * (_bytes?.Length ?? 0),
        SnmpType.ObjectIdentifier => _oid.Length * 11,
        _ => Encoding.UTF8.GetMaxByteCount(ToString().Length),
    };

    /// <summary>
    /// Writes <see cref="ToString"/>'s text as UTF-8, without the intermediate string for numbers, octets and OIDs
    /// (result rows are stored this way); false when <paramref name="destination"/> is too small.
    /// </summary>
    public bool TryFormat(Span<byte> destination, out int bytesWritten)
    {
        switch (Type)
        {
            case SnmpType.Integer:
                return ToInt32().TryFormat(destination, out bytesWritten, default, CultureInfo.InvariantCulture);
            case SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks:
                return ToUInt32().TryFormat(destination, out bytesWritten, default, CultureInfo.InvariantCulture);
            case SnmpType.Counter64:
                return _number.TryFormat(destination, out bytesWritten, default, CultureInfo.InvariantCulture);
            case SnmpType.ObjectIdentifier:
                return _oid.TryFormat(destination, out bytesWritten);
            case SnmpType.OctetString when IsPrintable(_bytes!):
                // Printable octets are valid UTF-8 already: ToString decodes them and would encode the same bytes.
                var copied = _bytes.AsSpan().TryCopyTo(destination);
                bytesWritten = copied ? _bytes!.Length : 0;
                return copied;
            case SnmpType.OctetString or SnmpType.Opaque:
                return TryWriteHex(_bytes!, destination, out bytesWritten);
            default:
                return Encoding.UTF8.TryGetBytes(ToString(), destination, out bytesWritten);
        }
    }

    private static bool TryWriteHex(ReadOnlySpan<byte> bytes, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < 2 * bytes.Length)
        {
            return false;
        }

        const string Digits = "0123456789ABCDEF";
        foreach (var b in bytes)
        {
            destination[bytesWritten++] = (byte)Digits[b >> 4];
            destination[bytesWritten++] = (byte)Digits[b & 0xF];
        }

        return true;
    }

    /// <summary>The type as net-snmp's tools print it (<c>STRING</c>, <c>Hex-STRING</c>, <c>Timeticks</c>…).</summary>
    public string TypeName => Type switch
    {
        SnmpType.Integer => "INTEGER",
        SnmpType.OctetString => IsPrintable(Bytes.Span) ? "STRING" : "Hex-STRING",
        SnmpType.Null => "NULL",
        SnmpType.ObjectIdentifier => "OID",
        SnmpType.IpAddress => "IpAddress",
        SnmpType.Counter32 => "Counter32",
        SnmpType.Gauge32 => "Gauge32",
        SnmpType.TimeTicks => "Timeticks",
        SnmpType.Opaque => "Opaque",
        SnmpType.Counter64 => "Counter64",
        SnmpType.Invalid => "INVALID",
        _ => "",
    };

    /// <summary>True when the octets read as text: valid UTF-8 without control characters other than tab and line breaks.</summary>
    public static bool IsPrintable(ReadOnlySpan<byte> bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return false;
        }

        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D) || b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(SnmpValue other) =>
        Type == other.Type && _number == other._number && RawTag == other.RawTag && _oid == other._oid &&
        Bytes.Span.SequenceEqual(other.Bytes.Span);

    public override bool Equals(object? obj) => obj is SnmpValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, _number, _oid, _bytes?.Length ?? 0);

    public static bool operator ==(SnmpValue left, SnmpValue right) => left.Equals(right);

    public static bool operator !=(SnmpValue left, SnmpValue right) => !left.Equals(right);

    private InvalidOperationException WrongType(string expected) => new($"The value is {Type}, not {expected}.");
}
