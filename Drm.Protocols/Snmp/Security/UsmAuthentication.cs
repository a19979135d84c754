using System.Buffers;
using System.Security.Cryptography;

namespace Drm.Protocols.Snmp.Security;

/// <summary>
/// Signs and verifies whole v3 messages with the USM HMAC protocols (RFC 3414 §6.3, §7.3; RFC 7860 §4): the MAC is
/// computed over the serialized message with msgAuthenticationParameters set to zeros, then truncated to
/// <see cref="SnmpSecurityProtocols.DigestLength"/> octets and written into that field.
/// </summary>
public static class UsmAuthentication
{
    /// <summary>
    /// Signs an outgoing message in place (RFC 3414 §6.3.1, §7.3.1; RFC 7860 §4). The caller encoded the whole message with
    /// <see cref="SnmpSecurityProtocols.DigestLength"/> zero octets as msgAuthenticationParameters at
    /// <paramref name="authParamsOffset"/>; those octets are zeroed again before the MAC is computed, so signing twice
    /// gives the same result.
    /// </summary>
    /// <param name="auth">The authentication protocol.</param>
    /// <param name="authKey">The localized authentication key (as long as the protocol's hash output).</param>
    /// <param name="wholeMessage">The serialized message; its msgAuthenticationParameters value is overwritten.</param>
    /// <param name="authParamsOffset">Where the msgAuthenticationParameters value (not its tag or length) starts.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="auth"/> is <see cref="SnmpAuthProtocol.None"/>, or the key has the wrong length.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The field does not fit in the message, or <paramref name="auth"/> is not a defined value.
    /// </exception>
    public static void Sign(SnmpAuthProtocol auth, ReadOnlySpan<byte> authKey, Span<byte> wholeMessage, int authParamsOffset)
    {
        var digestLength = CheckArguments(auth, authKey, wholeMessage.Length, authParamsOffset);
        var field = wholeMessage.Slice(authParamsOffset, digestLength);
        field.Clear();

        Span<byte> mac = stackalloc byte[UsmHash.MaxHashLength];
        try
        {
            UsmHash.Hmac(auth, authKey, wholeMessage, mac);

            // RFC 3414 §6.3.1, RFC 7860 §4.2.2: the first DigestLength octets of the HMAC are the MAC on the wire.
            mac[..digestLength].CopyTo(field);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(mac);
        }
    }

    /// <summary>
    /// Verifies an incoming message (RFC 3414 §6.3.2, §7.3.2; RFC 7860 §4): recomputes the MAC over a copy of the message
    /// with zeros in place of msgAuthenticationParameters and compares it in constant time. The caller must already have
    /// checked that msgAuthenticationParameters is exactly <see cref="SnmpSecurityProtocols.DigestLength"/> octets long
    /// (otherwise the message fails authentication, RFC 3414 §6.3.2).
    /// </summary>
    /// <param name="auth">The authentication protocol.</param>
    /// <param name="authKey">The localized authentication key (as long as the protocol's hash output).</param>
    /// <param name="wholeMessage">The message as received; it is not modified.</param>
    /// <param name="authParamsOffset">Where the msgAuthenticationParameters value (not its tag or length) starts.</param>
    /// <returns><see langword="true"/> if the MAC matches.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="auth"/> is <see cref="SnmpAuthProtocol.None"/>, or the key has the wrong length.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The field does not fit in the message, or <paramref name="auth"/> is not a defined value.
    /// </exception>
    public static bool Verify(SnmpAuthProtocol auth, ReadOnlySpan<byte> authKey, ReadOnlySpan<byte> wholeMessage, int authParamsOffset)
    {
        var digestLength = CheckArguments(auth, authKey, wholeMessage.Length, authParamsOffset);
        var rented = ArrayPool<byte>.Shared.Rent(wholeMessage.Length);
        var copy = rented.AsSpan(0, wholeMessage.Length);
        Span<byte> mac = stackalloc byte[UsmHash.MaxHashLength];
        try
        {
            // RFC 3414 §6.3.2: the received MAC is replaced by zeros, then the MAC is computed over the whole message.
            wholeMessage.CopyTo(copy);
            copy.Slice(authParamsOffset, digestLength).Clear();
            UsmHash.Hmac(auth, authKey, copy, mac);
            return CryptographicOperations.FixedTimeEquals(mac[..digestLength], wholeMessage.Slice(authParamsOffset, digestLength));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(mac);
            copy.Clear();
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int CheckArguments(SnmpAuthProtocol auth, ReadOnlySpan<byte> authKey, int messageLength, int authParamsOffset)
    {
        var digestLength = SnmpSecurityProtocols.DigestLength(auth);
        if (digestLength == 0)
        {
            throw new ArgumentException("usmNoAuthProtocol neither signs nor verifies messages.", nameof(auth));
        }

        // RFC 3414 §6, §7 and RFC 7860 §4: the localized authKey is as long as the hash output.
        var keyLength = UsmHash.HashLength(auth);
        if (authKey.Length != keyLength)
        {
            throw new ArgumentException($"A localized {auth} key is {keyLength} octets long, not {authKey.Length}.", nameof(authKey));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(authParamsOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(authParamsOffset, messageLength - digestLength);
        return digestLength;
    }
}
