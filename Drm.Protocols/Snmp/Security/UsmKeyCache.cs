using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Drm.Protocols.Snmp.Security;

/// <summary>
/// A thread-safe, bounded cache of localized USM keys per user name, protocols, authoritative engine and passwords.
/// Deriving a key hashes a megabyte (RFC 3414 §A.2), so a poller must not do it for every request.
/// </summary>
/// <remarks>
/// Entries are found by an HMAC-SHA-256 fingerprint under a random per-cache key, so no password is kept as a
/// dictionary key. Concurrent callers asking for the same keys share one derivation. Past the capacity the least
/// recently used tenth of the entries is dropped. Passwords are encoded as UTF-8, as net-snmp takes them from its
/// command line.
/// </remarks>
public sealed class UsmKeyCache
{
    /// <summary>The default number of entries kept.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<CacheKey, Entry> _entries = new();
    private readonly byte[] _fingerprintKey = RandomNumberGenerator.GetBytes(32);
    private readonly Lock _trimLock = new();
    private readonly int _capacity;
    private long _clock;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="capacity">The most entries kept; <see cref="DefaultCapacity"/> unless given.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public UsmKeyCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>The number of entries held now.</summary>
    internal int Count => _entries.Count;

    /// <summary>Whether keys for these arguments are held now, without deriving or touching them.</summary>
    internal bool Contains(
        string userName,
        SnmpAuthProtocol auth,
        string? authPassword,
        SnmpPrivProtocol priv,
        string? privPassword,
        ReadOnlySpan<byte> engineId)
    {
        Validate(auth, ref authPassword, priv, ref privPassword, engineId);
        return _entries.ContainsKey(Fingerprint(userName, auth, authPassword, priv, privPassword, engineId));
    }

    /// <summary>
    /// Returns the user's keys localized to <paramref name="engineId"/>, deriving them on first use
    /// (<see cref="UsmKeys.PasswordToKey"/>, <see cref="UsmKeys.Localize"/>, <see cref="UsmKeys.LocalizedPrivKey"/>).
    /// </summary>
    /// <param name="userName">The USM user name (msgUserName).</param>
    /// <param name="auth">The authentication protocol.</param>
    /// <param name="authPassword">The authentication password; ignored for <see cref="SnmpAuthProtocol.None"/>.</param>
    /// <param name="priv">The privacy protocol.</param>
    /// <param name="privPassword">The privacy password; ignored for <see cref="SnmpPrivProtocol.None"/>.</param>
    /// <param name="engineId">The authoritative snmpEngineID.</param>
    /// <returns>Fresh copies of the keys, which the caller may clear; empty arrays for a protocol that is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="userName"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A protocol other than none has no password or one shorter than 8 octets, privacy is asked for without
    /// authentication, or <paramref name="engineId"/> is empty while authentication is on.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A protocol is not a defined value.</exception>
    public UsmLocalizedKeys GetOrCreate(
        string userName,
        SnmpAuthProtocol auth,
        string? authPassword,
        SnmpPrivProtocol priv,
        string? privPassword,
        ReadOnlySpan<byte> engineId)
    {
        ArgumentNullException.ThrowIfNull(userName);
        Validate(auth, ref authPassword, priv, ref privPassword, engineId);

        var key = Fingerprint(userName, auth, authPassword, priv, privPassword, engineId);
        var tick = Interlocked.Increment(ref _clock);
        if (!_entries.TryGetValue(key, out var entry))
        {
            var engine = engineId.ToArray();
            var created = new Entry(
                new Lazy<UsmLocalizedKeys>(
                    () => Derive(auth, authPassword, priv, privPassword, engine),
                    LazyThreadSafetyMode.ExecutionAndPublication),
                tick);
            entry = _entries.GetOrAdd(key, created);
            if (ReferenceEquals(entry, created))
            {
                TrimIfFull();
            }
        }

        entry.Touch(tick);
        UsmLocalizedKeys keys;
        try
        {
            keys = entry.Keys.Value;
        }
        catch
        {
            // Lazy keeps its exception; drop the entry so the next call tries again.
            _entries.TryRemove(new KeyValuePair<CacheKey, Entry>(key, entry));
            throw;
        }

        return new UsmLocalizedKeys(Copy(keys.AuthKey), Copy(keys.PrivKey));
    }

    private static void Validate(
        SnmpAuthProtocol auth,
        ref string? authPassword,
        SnmpPrivProtocol priv,
        ref string? privPassword,
        ReadOnlySpan<byte> engineId)
    {
        _ = SnmpSecurityProtocols.DigestLength(auth);
        _ = SnmpSecurityProtocols.PrivKeyLength(priv);
        if (auth == SnmpAuthProtocol.None)
        {
            if (priv != SnmpPrivProtocol.None)
            {
                // RFC 3411 §3.4.3: there is no noAuthPriv security level.
                throw new ArgumentException("USM has no privacy without authentication: choose an authentication protocol.", nameof(priv));
            }

            authPassword = null;
            privPassword = null;
            return;
        }

        RequirePassword(authPassword, nameof(authPassword));
        if (priv == SnmpPrivProtocol.None)
        {
            privPassword = null;
        }
        else
        {
            RequirePassword(privPassword, nameof(privPassword));
        }

        if (engineId.IsEmpty)
        {
            throw new ArgumentException(
                "Keys are localized to an snmpEngineID: discover the authoritative engine first.", nameof(engineId));
        }
    }

    private static void RequirePassword(string? password, string parameterName)
    {
        // RFC 3414 §11.2: at least 8 octets.
        if (password is null || Encoding.UTF8.GetByteCount(password) < 8)
        {
            throw new ArgumentException("An SNMP password must be at least 8 octets long (RFC 3414 §11.2).", parameterName);
        }
    }

    private static UsmLocalizedKeys Derive(
        SnmpAuthProtocol auth,
        string? authPassword,
        SnmpPrivProtocol priv,
        string? privPassword,
        byte[] engineId)
    {
        if (auth == SnmpAuthProtocol.None)
        {
            return new UsmLocalizedKeys([], []);
        }

        var authKey = new byte[UsmHash.HashLength(auth)];
        var password = Encoding.UTF8.GetBytes(authPassword!);
        try
        {
            UsmKeys.LocalizedKeyFromPassword(auth, password, engineId, authKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }

        if (priv == SnmpPrivProtocol.None)
        {
            return new UsmLocalizedKeys(authKey, []);
        }

        if (string.Equals(authPassword, privPassword, StringComparison.Ordinal))
        {
            // Same password, same hash, same engine: the privacy key starts from the same Kul (RFC 3414 §2.6).
            return new UsmLocalizedKeys(authKey, UsmKeys.ExtendToPrivKey(auth, priv, authKey, engineId));
        }

        password = Encoding.UTF8.GetBytes(privPassword!);
        try
        {
            return new UsmLocalizedKeys(authKey, UsmKeys.LocalizedPrivKey(auth, priv, password, engineId));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }

    private static byte[] Copy(byte[] key) => key.Length == 0 ? [] : (byte[])key.Clone();

    // HMAC-SHA-256 under the per-cache key over every field, each length-prefixed so no two tuples encode alike.
    private CacheKey Fingerprint(
        string userName,
        SnmpAuthProtocol auth,
        string? authPassword,
        SnmpPrivProtocol priv,
        string? privPassword,
        ReadOnlySpan<byte> engineId)
    {
        var length = 8 + (4 * 4) + engineId.Length
            + Encoding.UTF8.GetMaxByteCount(userName.Length)
            + Encoding.UTF8.GetMaxByteCount(authPassword?.Length ?? 0)
            + Encoding.UTF8.GetMaxByteCount(privPassword?.Length ?? 0);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var span = buffer.AsSpan();
            BinaryPrimitives.WriteInt32BigEndian(span, (int)auth);
            BinaryPrimitives.WriteInt32BigEndian(span[4..], (int)priv);
            var written = 8;
            written += WriteField(span[written..], engineId);
            written += WriteText(span[written..], userName);
            written += WriteText(span[written..], authPassword);
            written += WriteText(span[written..], privPassword);

            Span<byte> mac = stackalloc byte[32];
            HMACSHA256.HashData(_fingerprintKey, span[..written], mac);
            return new CacheKey(BinaryPrimitives.ReadUInt128BigEndian(mac), BinaryPrimitives.ReadUInt128BigEndian(mac[16..]));
        }
        finally
        {
            // The buffer held the passwords.
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int WriteField(Span<byte> destination, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, value.Length);
        value.CopyTo(destination[4..]);
        return 4 + value.Length;
    }

    private static int WriteText(Span<byte> destination, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(destination, -1);
            return 4;
        }

        var count = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteInt32BigEndian(destination, count);
        return 4 + count;
    }

    // LRU-ish: once past the capacity, drop the least recently used entries down to 90 % so trimming stays rare.
    private void TrimIfFull()
    {
        if (_entries.Count <= _capacity)
        {
            return;
        }

        lock (_trimLock)
        {
            var excess = _entries.Count - _capacity;
            if (excess <= 0)
            {
                return;
            }

            var victims = _entries
                .Select(pair => (pair.Key, pair.Value, LastUsed: pair.Value.LastUsed))
                .OrderBy(candidate => candidate.LastUsed)
                .Take(excess + (_capacity / 10))
                .ToList();
            foreach (var (key, entry, _) in victims)
            {
                _entries.TryRemove(new KeyValuePair<CacheKey, Entry>(key, entry));
            }
        }
    }

    private readonly record struct CacheKey(UInt128 High, UInt128 Low);

    private sealed class Entry(Lazy<UsmLocalizedKeys> keys, long created)
    {
        private long _lastUsed = created;

        public Lazy<UsmLocalizedKeys> Keys { get; } = keys;

        public long LastUsed => Volatile.Read(ref _lastUsed);

        public void Touch(long tick)
        {
            // Racing callers may store ticks out of order; any recent tick is good enough for eviction.
            Volatile.Write(ref _lastUsed, tick);
        }
    }
}
