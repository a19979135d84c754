using System.Buffers;
using System.Security.Cryptography;

namespace Drm.Protocols.Snmp.Security;

/// <summary>
/// USM key derivation: password to key (RFC 3414 §A.2, RFC 7860 §9.3), localization to an authoritative engine
/// (RFC 3414 §2.6), and the privacy key cut or extended to the cipher's length (RFC 3826 §3.1.2.1,
/// draft-blumenthal-aes-usm-04 §3.1.2.1, draft-reeder-snmpv3-usm-3desede-00).
/// </summary>
/// <remarks>
/// Each password-to-key step hashes 1,048,576 octets, so callers that talk to the same engine again should keep the
/// result; <see cref="UsmKeyCache"/> does that. Returned arrays belong to the caller, who should clear them
/// (<see cref="CryptographicOperations.ZeroMemory"/>) when done.
/// </remarks>
public static class UsmKeys
{
    // RFC 3414 §A.2.1: the password is repeated to fill 2^20 octets before it is hashed.
    private const int ExpandedPasswordLength = 1_048_576;

    // RFC 3414 §11.2: a password must be at least 8 octets long.
    private const int MinPasswordLength = 8;

    private const int PasswordChunkLength = 4096;

    /// <summary>
    /// Derives the user's master key Ku from a password (RFC 3414 §A.2.1 for MD5, §A.2.2 for SHA-1, and the same
    /// algorithm for SHA-2, RFC 7860 §9.3): the hash of the password repeated to 1,048,576 octets.
    /// </summary>
    /// <param name="auth">The authentication protocol whose hash is used.</param>
    /// <param name="password">The password octets (a text password is encoded as UTF-8).</param>
    /// <returns>Ku, as long as the hash output (16, 20, 28, 32, 48 or 64 octets).</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="auth"/> is <see cref="SnmpAuthProtocol.None"/>, or the password is shorter than 8 octets.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="auth"/> is not a defined value.</exception>
    public static byte[] PasswordToKey(SnmpAuthProtocol auth, ReadOnlySpan<byte> password)
    {
        var key = new byte[UsmHash.HashLength(auth)];
        PasswordToKeyCore(auth, password, key);
        return key;
    }

    /// <summary>Localizes a master key to an authoritative engine (RFC 3414 §2.6): Kul = H(Ku ‖ snmpEngineID ‖ Ku).</summary>
    /// <param name="auth">The authentication protocol whose hash is used.</param>
    /// <param name="key">The master key Ku, exactly as long as the hash output.</param>
    /// <param name="engineId">The authoritative snmpEngineID.</param>
    /// <returns>The localized key Kul, as long as the hash output.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="auth"/> is <see cref="SnmpAuthProtocol.None"/>, <paramref name="key"/> has the wrong length, or
    /// <paramref name="engineId"/> is empty (the engine has not been discovered).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="auth"/> is not a defined value.</exception>
    public static byte[] Localize(SnmpAuthProtocol auth, ReadOnlySpan<byte> key, ReadOnlySpan<byte> engineId)
    {
        var localized = new byte[UsmHash.HashLength(auth)];
        LocalizeCore(auth, key, engineId, localized);
        return localized;
    }

    /// <summary>
    /// Derives the localized privacy key for <paramref name="priv"/> from the privacy password: password to key and
    /// localization with the authentication protocol's hash (RFC 3414 §2.6), then cut to
    /// <see cref="SnmpSecurityProtocols.PrivKeyLength"/> octets or, where the hash is too short, extended: by
    /// Kul ‖ H(Kul) ‖ H(Kul ‖ H(Kul)) … for <see cref="SnmpPrivProtocol.Aes192"/> and <see cref="SnmpPrivProtocol.Aes256"/>
    /// (draft-blumenthal-aes-usm-04 §3.1.2.1), by Kul ‖ localize(passwordToKey(Kul)) … for
    /// <see cref="SnmpPrivProtocol.TripleDes"/> and the <c>*Reeder</c> AES variants (draft-reeder-snmpv3-usm-3desede-00).
    /// </summary>
    /// <param name="auth">The user's authentication protocol; its hash derives the privacy key too.</param>
    /// <param name="priv">The privacy protocol.</param>
    /// <param name="privPassword">The privacy password octets (a text password is encoded as UTF-8).</param>
    /// <param name="engineId">The authoritative snmpEngineID.</param>
    /// <returns>
    /// The key, <see cref="SnmpSecurityProtocols.PrivKeyLength"/> octets long; empty for <see cref="SnmpPrivProtocol.None"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="auth"/> is <see cref="SnmpAuthProtocol.None"/> while <paramref name="priv"/> is not (USM has no
    /// privacy without authentication), the password is shorter than 8 octets, or <paramref name="engineId"/> is empty.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A protocol is not a defined value.</exception>
    public static byte[] LocalizedPrivKey(
        SnmpAuthProtocol auth,
        SnmpPrivProtocol priv,
        ReadOnlySpan<byte> privPassword,
        ReadOnlySpan<byte> engineId)
    {
        if (SnmpSecurityProtocols.PrivKeyLength(priv) == 0)
        {
            return [];
        }

        RequireAuthForPriv(auth);
        Span<byte> localized = stackalloc byte[UsmHash.MaxHashLength];
        localized = localized[..UsmHash.HashLength(auth)];
        try
        {
            PasswordToKeyCore(auth, privPassword, localized);
            LocalizeInPlace(auth, localized, engineId);
            return ExtendToPrivKey(auth, priv, localized, engineId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(localized);
        }
    }

    /// <summary>
    /// Cuts or extends an already localized key Kul to the privacy key of <paramref name="priv"/>; shared by
    /// <see cref="LocalizedPrivKey"/> and <see cref="UsmKeyCache"/>, which reuses the authentication key's Kul when
    /// the two passwords are the same.
    /// </summary>
    internal static byte[] ExtendToPrivKey(
        SnmpAuthProtocol auth,
        SnmpPrivProtocol priv,
        ReadOnlySpan<byte> localizedKey,
        ReadOnlySpan<byte> engineId)
    {
        var needed = SnmpSecurityProtocols.PrivKeyLength(priv);
        if (needed == 0)
        {
            return [];
        }

        RequireAuthForPriv(auth);
        var hashLength = UsmHash.HashLength(auth);
        if (localizedKey.Length != hashLength)
        {
            throw new ArgumentException($"A localized {auth} key is {hashLength} octets long.", nameof(localizedKey));
        }

        if (needed <= hashLength)
        {
            // RFC 3414 §8.1.1.1 (DES: key and pre-IV), RFC 3826 §3.1.2.1 (AES): the first octets of Kul.
            return localizedKey[..needed].ToArray();
        }

        // Whole hash blocks: Kul, then one block per extension round; the result is the first `needed` octets.
        var material = new byte[(needed + hashLength - 1) / hashLength * hashLength];
        Span<byte> masterKey = stackalloc byte[UsmHash.MaxHashLength];
        masterKey = masterKey[..hashLength];
        try
        {
            localizedKey.CopyTo(material);
            for (var have = hashLength; have < needed; have += hashLength)
            {
                var next = material.AsSpan(have, hashLength);
                if (UsesBlumenthalExtension(priv))
                {
                    // draft-blumenthal-aes-usm-04 §3.1.2.1 step 3a: Kul = Kul ‖ H(Kul).
                    UsmHash.Hash(auth, material.AsSpan(0, have), next);
                }
                else
                {
                    // draft-reeder-snmpv3-usm-3desede-00: Ku' = passwordToKey(Kul); Kul = Kul ‖ localize(Ku').
                    PasswordToKeyCore(auth, material.AsSpan(0, have), masterKey);
                    LocalizeCore(auth, masterKey, engineId, next);
                }
            }

            return material.AsSpan(0, needed).ToArray();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
            CryptographicOperations.ZeroMemory(masterKey);
        }
    }

    /// <summary>Password to key, then localization, into <paramref name="destination"/> (hash-length octets).</summary>
    internal static void LocalizedKeyFromPassword(
        SnmpAuthProtocol auth,
        ReadOnlySpan<byte> password,
        ReadOnlySpan<byte> engineId,
        Span<byte> destination)
    {
        PasswordToKeyCore(auth, password, destination);
        LocalizeInPlace(auth, destination, engineId);
    }

    private static bool UsesBlumenthalExtension(SnmpPrivProtocol priv) =>
        priv is SnmpPrivProtocol.Aes192 or SnmpPrivProtocol.Aes256;

    private static void RequireAuthForPriv(SnmpAuthProtocol auth)
    {
        if (auth == SnmpAuthProtocol.None)
        {
            // RFC 3411 §3.4.3: there is no noAuthPriv security level, so no privacy without authentication.
            throw new ArgumentException("USM has no privacy without authentication: choose an authentication protocol.", nameof(auth));
        }
    }

    private static void PasswordToKeyCore(SnmpAuthProtocol auth, ReadOnlySpan<byte> password, Span<byte> destination)
    {
        var hashLength = UsmHash.HashLength(auth);
        if (password.Length < MinPasswordLength)
        {
            throw new ArgumentException(
                $"An SNMP password must be at least {MinPasswordLength} octets long (RFC 3414 §11.2).", nameof(password));
        }

        // RFC 3414 §A.2.1: hash the password repeated to 1,048,576 octets. A chunk that holds a whole number of copies
        // keeps every chunk boundary at the start of the password, so the chunk can be fed again and again.
        var copies = Math.Max(1, (PasswordChunkLength + password.Length - 1) / password.Length);
        var chunkLength = copies * password.Length;
        var chunk = ArrayPool<byte>.Shared.Rent(chunkLength);
        try
        {
            for (var offset = 0; offset < chunkLength; offset += password.Length)
            {
                password.CopyTo(chunk.AsSpan(offset));
            }

            using var hash = new UsmIncrementalHash(auth);
            for (var remaining = ExpandedPasswordLength; remaining > 0; remaining -= chunkLength)
            {
                hash.Append(chunk.AsSpan(0, Math.Min(chunkLength, remaining)));
            }

            hash.GetHashAndReset(destination[..hashLength]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(chunk.AsSpan(0, chunkLength));
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static void LocalizeCore(SnmpAuthProtocol auth, ReadOnlySpan<byte> key, ReadOnlySpan<byte> engineId, Span<byte> destination)
    {
        var hashLength = UsmHash.HashLength(auth);
        if (key.Length != hashLength)
        {
            throw new ArgumentException($"A {auth} master key is {hashLength} octets long.", nameof(key));
        }

        if (engineId.IsEmpty)
        {
            throw new ArgumentException(
                "A key is localized to an snmpEngineID: discover the authoritative engine first.", nameof(engineId));
        }

        // RFC 3414 §2.6: Kul = H(Ku ‖ snmpEngineID ‖ Ku).
        using var hash = new UsmIncrementalHash(auth);
        hash.Append(key);
        hash.Append(engineId);
        hash.Append(key);
        hash.GetHashAndReset(destination[..hashLength]);
    }

    // Localizes a key held in `key` and writes Kul over it; the hash has taken every input before the output is written.
    private static void LocalizeInPlace(SnmpAuthProtocol auth, Span<byte> key, ReadOnlySpan<byte> engineId)
    {
        Span<byte> localized = stackalloc byte[UsmHash.MaxHashLength];
        localized = localized[..key.Length];
        try
        {
            LocalizeCore(auth, key, engineId, localized);
            localized.CopyTo(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(localized);
        }
    }
}
