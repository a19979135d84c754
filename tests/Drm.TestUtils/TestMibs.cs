namespace Drm.TestUtils;

/// <summary>
/// Two small MIB modules under enterprises.99999: DRM-TEST-MIB imports a textual convention and its root from
/// DRM-TEST-TC, so uploading it alone leaves it unresolved.
/// </summary>
public static class TestMibs
{
    public const string Tc = """
        DRM-TEST-TC DEFINITIONS ::= BEGIN
        IMPORTS enterprises FROM SNMPv2-SMI
                TEXTUAL-CONVENTION FROM SNMPv2-TC;
        drmTest OBJECT IDENTIFIER ::= { enterprises 99999 }
        DrmLevel ::= TEXTUAL-CONVENTION
            STATUS current
            DESCRIPTION "A level."
            SYNTAX INTEGER { low(1), high(2) }
        END
        """;

    public const string Mib = """
        DRM-TEST-MIB DEFINITIONS ::= BEGIN
        IMPORTS OBJECT-TYPE FROM SNMPv2-SMI
                DisplayString FROM SNMPv2-TC
                drmTest, DrmLevel FROM DRM-TEST-TC;
        drmTestObjects OBJECT IDENTIFIER ::= { drmTest 1 }
        drmTestScalar OBJECT-TYPE
            SYNTAX DisplayString (SIZE (0..32))
            MAX-ACCESS read-only
            STATUS current
            DESCRIPTION "A scalar."
            ::= { drmTestObjects 1 }
        drmTestLevel OBJECT-TYPE
            SYNTAX DrmLevel
            MAX-ACCESS read-write
            STATUS current
            DESCRIPTION "A level."
            ::= { drmTestObjects 2 }
        END
        """;
}
