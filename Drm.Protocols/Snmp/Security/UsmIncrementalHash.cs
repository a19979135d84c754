using System.Security.Cryptography;

namespace Drm.Protocols.Snmp.Security;

/// <summary>An incremental hash for any <see cref="SnmpAuthProtocol"/>: the BCL's where it has one, ours for SHA-224.</summary>
internal sealed class UsmIncrementalHash : IDisposable
{
    private readonly IncrementalHash? _bcl;
    private readonly Sha224? _sha224;

    internal UsmIncrementalHash(SnmpAuthProtocol auth)
    {
        if (auth == SnmpAuthProtocol.Sha224)
        {
            _sha224 = new Sha224();
            return;
        }

        var name = auth switch
        {
            SnmpAuthProtocol.Md5 => HashAlgorithmName.MD5,
            SnmpAuthProtocol.Sha1 => HashAlgorithmName.SHA1,
            SnmpAuthProtocol.Sha256 => HashAlgorithmName.SHA256,
            SnmpAuthProtocol.Sha384 => HashAlgorithmName.SHA384,
            SnmpAuthProtocol.Sha512 => HashAlgorithmName.SHA512,
            _ => throw new ArgumentOutOfRangeException(nameof(auth), auth, "No hash for this SNMP authentication protocol."),
        };
        _bcl = IncrementalHash.CreateHash(name);
    }

    internal void Append(ReadOnlySpan<byte> data)
    {
        if (_sha224 is not null)
        {
            _sha224.Append(data);
        }
        else
        {
            _bcl!.AppendData(data);
        }
    }

    internal void GetHashAndReset(Span<byte> destination)
    {
        if (_sha224 is not null)
        {
            _sha224.GetHashAndReset(destination);
        }
        else
        {
            _bcl!.GetHashAndReset(destination);
        }
    }

    public void Dispose()
    {
        _sha224?.Dispose();
        _bcl?.Dispose();
    }
}
