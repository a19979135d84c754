using GraphQL.Types;

namespace Drm.GraphQL.Credentials;

// Small enumerations that map GraphQL names onto the engine's stored spellings; they share one file like a PDU family.

public sealed class SnmpVersionType : EnumerationGraphType
{
    public SnmpVersionType()
    {
        Name = "SnmpVersion";
        Add("V1", "1", "SNMPv1 (community).");
        Add("V2C", "2c", "SNMPv2c (community).");
        Add("V3", "3", "SNMPv3 with the user-based security model.");
    }
}

public sealed class SnmpAuthProtocolType : EnumerationGraphType
{
    public SnmpAuthProtocolType()
    {
        Name = "SnmpAuthProtocol";
        Add("MD5", "MD5", "HMAC-MD5-96 (RFC 3414).");
        Add("SHA", "SHA", "HMAC-SHA-96 (RFC 3414).");
        Add("SHA224", "SHA224", "HMAC-SHA-224 (RFC 7860).");
        Add("SHA256", "SHA256", "HMAC-SHA-256 (RFC 7860).");
        Add("SHA384", "SHA384", "HMAC-SHA-384 (RFC 7860).");
        Add("SHA512", "SHA512", "HMAC-SHA-512 (RFC 7860).");
    }
}

public sealed class SnmpPrivProtocolType : EnumerationGraphType
{
    public SnmpPrivProtocolType()
    {
        Name = "SnmpPrivProtocol";
        Add("DES", "DES", "CBC-DES (RFC 3414).");
        Add("TRIPLE_DES", "3DES", "3DES-EDE.");
        Add("AES", "AES", "AES-128-CFB (RFC 3826).");
        Add("AES192", "AES192", "AES-192-CFB, Blumenthal key extension (net-snmp's AES-192).");
        Add("AES256", "AES256", "AES-256-CFB, Blumenthal key extension (net-snmp's AES-256).");
        Add("AES192C", "AES192C", "AES-192-CFB, Reeder key extension (Cisco and others).");
        Add("AES256C", "AES256C", "AES-256-CFB, Reeder key extension (Cisco and others).");
    }
}

public sealed class EndpointAuthKindType : EnumerationGraphType
{
    public EndpointAuthKindType()
    {
        Name = "EndpointAuthType";
        Add("NONE", "none");
        Add("BASIC", "basic", "HTTP Basic with username and password.");
        Add("BEARER", "bearer", "A bearer token.");
        Add("API_KEY", "api_key", "A key sent in a header (headerName, default X-API-Key).");
    }
}

public sealed class UspTransportType : EnumerationGraphType
{
    public UspTransportType()
    {
        Name = "UspTransport";
        Add("HTTP", "http");
        Add("MQTT", "mqtt");
        Add("WEBSOCKET", "websocket");
    }
}
