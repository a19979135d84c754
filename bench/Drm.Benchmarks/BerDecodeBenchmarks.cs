using System.Formats.Asn1;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Pdus;

namespace Drm.Benchmarks;

/// <summary>
/// Decoding a GETBULK response of 50 ifTable-like varbinds: our hand-written reader against the same work done with
/// System.Formats.Asn1's AsnReader (the baseline). This is the choice issue #3 asks to make by measurement.
/// </summary>
[MemoryDiagnoser]
public class BerDecodeBenchmarks
{
    private byte[] _response = [];

    [GlobalSetup]
    public void Setup()
    {
        var varBinds = new List<VarBind>();
        for (var i = 1; i <= 10; i++)
        {
            varBinds.Add(new VarBind(ObjectIdentifier.Parse($"1.3.6.1.2.1.2.2.1.2.{i}"), SnmpValue.OctetString($"GigabitEthernet0/{i}")));
            varBinds.Add(new VarBind(ObjectIdentifier.Parse($"1.3.6.1.2.1.2.2.1.3.{i}"), SnmpValue.Integer(6)));
            varBinds.Add(new VarBind(ObjectIdentifier.Parse($"1.3.6.1.2.1.2.2.1.10.{i}"), SnmpValue.Counter32(3_000_000_000u + (uint)i)));
            varBinds.Add(new VarBind(ObjectIdentifier.Parse($"1.3.6.1.2.1.31.1.1.1.6.{i}"), SnmpValue.Counter64(1UL << 40)));
            varBinds.Add(new VarBind(ObjectIdentifier.Parse($"1.3.6.1.2.1.2.2.1.9.{i}"), SnmpValue.TimeTicks(123456)));
        }

        _response = new CommunityMessage(SnmpVersion.V2c, "public"u8.ToArray(), new SnmpPdu(SnmpPduType.Response, 42, 0, 0, varBinds)).Encode();
    }

    [Benchmark]
    public int Ours()
    {
        var pdu = (SnmpPdu)CommunityMessage.Decode(_response).Pdu;
        return pdu.VarBinds.Count;
    }

    [Benchmark(Baseline = true)]
    public int SystemFormatsAsn1()
    {
        var reader = new AsnReader(_response, AsnEncodingRules.BER);
        var message = reader.ReadSequence();
        message.TryReadInt32(out _);
        message.ReadOctetString();
        var pdu = message.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 2, isConstructed: true));
        pdu.TryReadInt32(out _);
        pdu.TryReadInt32(out _);
        pdu.TryReadInt32(out _);
        var list = pdu.ReadSequence();
        var count = 0;
        while (list.HasData)
        {
            var varBind = list.ReadSequence();
            var oid = varBind.ReadObjectIdentifier();
            var tag = varBind.PeekTag();
            object value = tag.TagClass == TagClass.Universal && tag.TagValue == 2
                ? varBind.ReadInteger()
                : tag.TagClass == TagClass.Application && tag.TagValue is 1 or 2 or 3 or 6
                    ? varBind.ReadInteger(tag)
                    : varBind.ReadOctetString(tag);
            count += oid.Length + (value is BigInteger ? 1 : 0);
        }

        return count;
    }
}
