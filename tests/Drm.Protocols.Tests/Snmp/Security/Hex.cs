namespace Drm.Protocols.Tests.Snmp.Security;

/// <summary>Hex strings as the RFCs print them ("9f af 32 83 …") to bytes and back.</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    public static string Normalize(string hex) => hex.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
