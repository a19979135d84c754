using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Drm.Protocols.Snmp.Security;

/// <summary>
/// SHA-224 (FIPS 180-4 §6.3): SHA-256 with other initial values, truncated to 224 bits. The BCL has no SHA-224, and
/// RFC 7860's usmHMAC128SHA224AuthProtocol needs it for both the password-to-key hash and the HMAC.
/// </summary>
internal sealed class Sha224 : IDisposable
{
    internal const int HashSizeInBytes = 28;
    internal const int BlockSizeInBytes = 64;

    // FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static readonly uint[] RoundConstants =
    [
        0x428A2F98, 0x71374491, 0xB5C0FBCF, 0xE9B5DBA5, 0x3956C25B, 0x59F111F1, 0x923F82A4, 0xAB1C5ED5,
        0xD807AA98, 0x12835B01, 0x243185BE, 0x550C7DC3, 0x72BE5D74, 0x80DEB1FE, 0x9BDC06A7, 0xC19BF174,
        0xE49B69C1, 0xEFBE4786, 0x0FC19DC6, 0x240CA1CC, 0x2DE92C6F, 0x4A7484AA, 0x5CB0A9DC, 0x76F988DA,
        0x983E5152, 0xA831C66D, 0xB00327C8, 0xBF597FC7, 0xC6E00BF3, 0xD5A79147, 0x06CA6351, 0x14292967,
        0x27B70A85, 0x2E1B2138, 0x4D2C6DFC, 0x53380D13, 0x650A7354, 0x766A0ABB, 0x81C2C92E, 0x92722C85,
        0xA2BFE8A1, 0xA81A664B, 0xC24B8B70, 0xC76C51A3, 0xD192E819, 0xD6990624, 0xF40E3585, 0x106AA070,
        0x19A4C116, 0x1E376C08, 0x2748774C, 0x34B0BCB5, 0x391C0CB3, 0x4ED8AA4A, 0x5B9CCA4F, 0x682E6FF3,
        0x748F82EE, 0x78A5636F, 0x84C87814, 0x8CC70208, 0x90BEFFFA, 0xA4506CEB, 0xBEF9A3F7, 0xC67178F2,
    ];

    // FIPS 180-4 §5.3.2: the SHA-224 initial hash value.
    private static readonly uint[] InitialState =
    [
        0xC1059ED8, 0x367CD507, 0x3070DD17, 0xF70E5939, 0xFFC00B31, 0x68581511, 0x64F98FA7, 0xBEFA4FA4,
    ];

    private readonly uint[] _state = new uint[8];
    private readonly byte[] _block = new byte[BlockSizeInBytes];
    private int _blockLength;
    private ulong _messageLength;

    internal Sha224() => Reset();

    internal static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        using var sha = new Sha224();
        sha.Append(source);
        sha.GetHashAndReset(destination);
    }

    internal void Append(ReadOnlySpan<byte> data)
    {
        _messageLength += (ulong)data.Length;
        if (_blockLength > 0)
        {
            var take = Math.Min(BlockSizeInBytes - _blockLength, data.Length);
            data[..take].CopyTo(_block.AsSpan(_blockLength));
            _blockLength += take;
            data = data[take..];
            if (_blockLength < BlockSizeInBytes)
            {
                return;
            }

            Compress(_state, _block);
            _blockLength = 0;
        }

        while (data.Length >= BlockSizeInBytes)
        {
            Compress(_state, data[..BlockSizeInBytes]);
            data = data[BlockSizeInBytes..];
        }

        data.CopyTo(_block);
        _blockLength = data.Length;
    }

    internal void GetHashAndReset(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, HashSizeInBytes, nameof(destination));

        // FIPS 180-4 §5.1.1: a 1 bit, zeros up to 56 mod 64 octets, then the message length in bits, big-endian.
        var bitLength = _messageLength * 8;
        _block[_blockLength++] = 0x80;
        if (_blockLength > BlockSizeInBytes - 8)
        {
            _block.AsSpan(_blockLength).Clear();
            Compress(_state, _block);
            _blockLength = 0;
        }

        _block.AsSpan(_blockLength, BlockSizeInBytes - 8 - _blockLength).Clear();
        BinaryPrimitives.WriteUInt64BigEndian(_block.AsSpan(BlockSizeInBytes - 8), bitLength);
        Compress(_state, _block);

        // FIPS 180-4 §6.3: the digest is the leftmost 224 bits, H0 to H6.
        for (var i = 0; i < 7; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(i * 4)..], _state[i]);
        }

        Reset();
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_block);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_state.AsSpan()));
        _blockLength = 0;
        _messageLength = 0;
    }

    private void Reset()
    {
        InitialState.CopyTo(_state, 0);
        CryptographicOperations.ZeroMemory(_block);
        _blockLength = 0;
        _messageLength = 0;
    }

    // FIPS 180-4 §6.2.2: the SHA-256 compression function, shared by SHA-224.
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[64];
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            var s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (var t = 0; t < 64; t++)
        {
            var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choose = (e & f) ^ (~e & g);
            var temp1 = h + sum1 + choose + RoundConstants[t] + w[t];
            var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            var temp2 = sum0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + temp1;
            d = c;
            c = b;
            b = a;
            a = temp1 + temp2;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
        w.Clear();
    }
}
