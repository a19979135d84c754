namespace Drm.Mib.Smi;

/// <summary>
/// The SMI's own modules (SNMPv2-SMI, SNMPv2-TC, SNMPv2-CONF, RFC1155-SMI, RFC-1212, RFC-1215), known to the library
/// without files: every MIB imports from them, and a MIB folder often lacks them. Written here from RFC 1155, 1212,
/// 1215, 2578, 2579 and 2580 with only what resolution needs (the OID assignments, types, textual conventions and
/// macro names); a loaded file of the same name takes their place.
/// </summary>
public static class CoreModules
{
    public static IReadOnlyList<string> Names { get; } = ["SNMPv2-SMI", "SNMPv2-TC", "SNMPv2-CONF", "RFC1155-SMI", "RFC-1212", "RFC-1215"];

    /// <summary>The modules' text, as a file holding all six would read.</summary>
    public static string Source => Text;

    /// <summary>Parses the texts; they are part of the library, so a diagnostic here is a bug.</summary>
    public static IReadOnlyList<MibModule> Load()
    {
        var diagnostics = new List<MibDiagnostic>();
        var modules = MibParser.Parse(Text, "(built in)", diagnostics);
        var problems = diagnostics.Concat(modules.SelectMany(m => m.Diagnostics)).ToList();
        return problems.Count == 0 ? modules
            : throw new InvalidOperationException("The built-in SMI modules do not parse: " + string.Join("; ", problems));
    }

    private const string Text = """
        SNMPv2-SMI DEFINITIONS ::= BEGIN
        MODULE-IDENTITY MACRO ::= BEGIN END
        OBJECT-IDENTITY MACRO ::= BEGIN END
        OBJECT-TYPE MACRO ::= BEGIN END
        NOTIFICATION-TYPE MACRO ::= BEGIN END
        org            OBJECT IDENTIFIER ::= { iso 3 }
        dod            OBJECT IDENTIFIER ::= { org 6 }
        internet       OBJECT IDENTIFIER ::= { dod 1 }
        directory      OBJECT IDENTIFIER ::= { internet 1 }
        mgmt           OBJECT IDENTIFIER ::= { internet 2 }
        mib-2          OBJECT IDENTIFIER ::= { mgmt 1 }
        transmission   OBJECT IDENTIFIER ::= { mib-2 10 }
        experimental   OBJECT IDENTIFIER ::= { internet 3 }
        private        OBJECT IDENTIFIER ::= { internet 4 }
        enterprises    OBJECT IDENTIFIER ::= { private 1 }
        security       OBJECT IDENTIFIER ::= { internet 5 }
        snmpV2         OBJECT IDENTIFIER ::= { internet 6 }
        snmpDomains    OBJECT IDENTIFIER ::= { snmpV2 1 }
        snmpProxys     OBJECT IDENTIFIER ::= { snmpV2 2 }
        snmpModules    OBJECT IDENTIFIER ::= { snmpV2 3 }
        zeroDotZero OBJECT-IDENTITY
            STATUS current
            DESCRIPTION "A value used for null identifiers."
            ::= { 0 0 }
        ObjectName ::= OBJECT IDENTIFIER
        NotificationName ::= OBJECT IDENTIFIER
        Integer32 ::= INTEGER (-2147483648..2147483647)
        IpAddress ::= [APPLICATION 0] IMPLICIT OCTET STRING (SIZE (4))
        Counter32 ::= [APPLICATION 1] IMPLICIT INTEGER (0..4294967295)
        Gauge32 ::= [APPLICATION 2] IMPLICIT INTEGER (0..4294967295)
        Unsigned32 ::= [APPLICATION 2] IMPLICIT INTEGER (0..4294967295)
        TimeTicks ::= [APPLICATION 3] IMPLICIT INTEGER (0..4294967295)
        Opaque ::= [APPLICATION 4] IMPLICIT OCTET STRING
        Counter64 ::= [APPLICATION 6] IMPLICIT INTEGER (0..18446744073709551615)
        END

        SNMPv2-TC DEFINITIONS ::= BEGIN
        IMPORTS TimeTicks FROM SNMPv2-SMI;
        TEXTUAL-CONVENTION MACRO ::= BEGIN END
        DisplayString ::= TEXTUAL-CONVENTION DISPLAY-HINT "255a" STATUS current
            DESCRIPTION "Text in the NVT ASCII character set." SYNTAX OCTET STRING (SIZE (0..255))
        PhysAddress ::= TEXTUAL-CONVENTION DISPLAY-HINT "1x:" STATUS current
            DESCRIPTION "A media- or physical-level address." SYNTAX OCTET STRING
        MacAddress ::= TEXTUAL-CONVENTION DISPLAY-HINT "1x:" STATUS current
            DESCRIPTION "An IEEE 802 MAC address." SYNTAX OCTET STRING (SIZE (6))
        TruthValue ::= TEXTUAL-CONVENTION STATUS current
            DESCRIPTION "A boolean value." SYNTAX INTEGER { true(1), false(2) }
        TestAndIncr ::= TEXTUAL-CONVENTION STATUS current
            DESCRIPTION "A spin lock." SYNTAX INTEGER (0..2147483647)
        AutonomousType ::= TEXTUAL-CONVENTION STATUS current
            DESCRIPTION "An independently extensible type identification value." SYNTAX OBJECT IDENTIFIER
        InstancePointer ::= TEXTUAL-CONVENTION STATUS obsolete
            DESCRIPTION "A pointer to a row or column instance." SYNTAX OBJECT IDENTIFIER
        VariablePointer ::= TEXTUAL-CONVENTION STATUS current
            DESCRIPTION "A pointer to a specific object instance." SYNTAX OBJECT IDENTIFIER
        RowPointer ::= TEXTUAL-CONVENTION STATUS current
            DESCRIPTION "A pointer to a conceptual row." SYNTAX OBJECT IDENTIFIER
        RowStatus ::= TEXTUAL-CONVENTION STATUS current
            DESCRIPTION "The status of a conceptual row."
            SYNTAX INTEGER { active(1), notInService(2), notReady(3), createAndGo(4), createAndWait(5), destroy(6) }
        TimeStamp ::= TEXTUAL-CONVENTION STATUS current
            DESCRIPTION "The value of sysUpTime at which an event occurred." SYNTAX TimeTicks
        TimeInterval ::= TEXTUAL-CONVENTION STATUS current
            DESCRIPTION "A period of time in hundredths of a second." SYNTAX INTEGER (0..2147483647)
        DateAndTime ::= TEXTUAL-CONVENTION DISPLAY-HINT "2d-1d-1d,1d:1d:1d.1d,1a1d:1d" STATUS current
            DESCRIPTION "A date-time specification." SYNTAX OCTET STRING (SIZE (8 | 11))
        StorageType ::= TEXTUAL-CONVENTION STATUS current
            DESCRIPTION "How a conceptual row is stored."
            SYNTAX INTEGER { other(1), volatile(2), nonVolatile(3), permanent(4), readOnly(5) }
        TDomain ::= TEXTUAL-CONVENTION STATUS current
            DESCRIPTION "A kind of transport service." SYNTAX OBJECT IDENTIFIER
        TAddress ::= TEXTUAL-CONVENTION STATUS current
            DESCRIPTION "A transport service address." SYNTAX OCTET STRING (SIZE (1..255))
        END

        SNMPv2-CONF DEFINITIONS ::= BEGIN
        OBJECT-GROUP MACRO ::= BEGIN END
        NOTIFICATION-GROUP MACRO ::= BEGIN END
        MODULE-COMPLIANCE MACRO ::= BEGIN END
        AGENT-CAPABILITIES MACRO ::= BEGIN END
        END

        RFC1155-SMI DEFINITIONS ::= BEGIN
        internet       OBJECT IDENTIFIER ::= { iso org(3) dod(6) 1 }
        directory      OBJECT IDENTIFIER ::= { internet 1 }
        mgmt           OBJECT IDENTIFIER ::= { internet 2 }
        experimental   OBJECT IDENTIFIER ::= { internet 3 }
        private        OBJECT IDENTIFIER ::= { internet 4 }
        enterprises    OBJECT IDENTIFIER ::= { private 1 }
        OBJECT-TYPE MACRO ::= BEGIN END
        ObjectName ::= OBJECT IDENTIFIER
        NetworkAddress ::= CHOICE { internet IpAddress }
        IpAddress ::= [APPLICATION 0] IMPLICIT OCTET STRING (SIZE (4))
        Counter ::= [APPLICATION 1] IMPLICIT INTEGER (0..4294967295)
        Gauge ::= [APPLICATION 2] IMPLICIT INTEGER (0..4294967295)
        TimeTicks ::= [APPLICATION 3] IMPLICIT INTEGER (0..4294967295)
        Opaque ::= [APPLICATION 4] IMPLICIT OCTET STRING
        END

        RFC-1212 DEFINITIONS ::= BEGIN
        OBJECT-TYPE MACRO ::= BEGIN END
        END

        RFC-1215 DEFINITIONS ::= BEGIN
        TRAP-TYPE MACRO ::= BEGIN END
        END
        """;
}
