using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Drm.Engine.Security;

/// <summary>
/// Encrypts credential secrets at rest with AES-256-GCM under <c>CREDENTIALS_KEY</c>. The associated data binds each
/// ciphertext to its row and field, so a ciphertext copied into another row or column fails to decrypt.
/// Layout: version (1 byte) ‖ nonce (12) ‖ tag (16) ‖ ciphertext.
/// </summary>
public sealed class SecretProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public SecretProtector(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32)
        {
            throw new ArgumentException("CREDENTIALS_KEY must be 32 bytes (base64 or 64 hex digits).", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>Reads a key written as base64 or as 64 hex digits.</summary>
    public static SecretProtector FromKeyText(string keyText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyText);
        keyText = keyText.Trim();
        var bytes = keyText.Length == 64 && keyText.All(Uri.IsHexDigit)
            ? Convert.FromHexString(keyText)
            : Convert.FromBase64String(keyText);
        return new SecretProtector(bytes);
    }

    public byte[] Protect(string plaintext, string purpose)
    {
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + NonceSize + TagSize + input.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, input, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), Aad(purpose));
        CryptographicOperations.ZeroMemory(input);
        return output;
    }

    public string Unprotect(ReadOnlySpan<byte> protectedValue, string purpose)
    {
        if (protectedValue.Length < 1 + NonceSize + TagSize || protectedValue[0] != Version)
        {
            throw new CryptographicException("The stored secret has an unknown format.");
        }

        var plaintext = new byte[protectedValue.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(
            protectedValue.Slice(1, NonceSize),
            protectedValue[(1 + NonceSize + TagSize)..],
            protectedValue.Slice(1 + NonceSize, TagSize),
            plaintext,
            Aad(purpose));
        var text = Encoding.UTF8.GetString(plaintext);
        CryptographicOperations.ZeroMemory(plaintext);
        return text;
    }

    /// <summary>The purpose string for one field of one device's credential row.</summary>
    public static string Purpose(string table, Guid deviceId, string field) => $"{table}/{deviceId:N}/{field}";

    private static byte[] Aad(string purpose)
    {
        var bytes = Encoding.UTF8.GetBytes(purpose);
        var aad = new byte[4 + bytes.Length];
        BinaryPrimitives.WriteInt32BigEndian(aad, bytes.Length);
        bytes.CopyTo(aad, 4);
        return aad;
    }
}
