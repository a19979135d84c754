using System.Xml.Linq;
using Drm.Mib.Tr181;
using Drm.TestUtils;

namespace Drm.Mib.Tests.Tr181;

/// <summary>The Broadband Forum's flattened TR-181 Issue 2 Amendment 19 models, read whole.</summary>
public sealed class Tr181ReaderTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Shared, "data", "tr181");

    [Theory]
    [InlineData("tr-181-2-19-1-usp-full.xml")]
    [InlineData("tr-181-2-19-1-cwmp-full.xml")]
    public void AFlattenedModel_GivesEveryObjectParameterCommandAndEventTheXmlHolds(string file)
    {
        var model = Tr181Reader.ReadFile(Path.Combine(Folder, file));

        // Counted here straight from the XML: the model's objects and what they hold, less what is deleted.
        var xml = XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("model").Last();
        static bool Present(XElement e) => (string?)e.Attribute("status") != "deleted";
        var objects = xml.Elements("object").Where(Present).ToList();
        model.Name.ShouldBe("Device:2.19");
        model.Objects.Count.ShouldBe(objects.Count);
        model.Parameters.Count.ShouldBe(objects.Sum(o => o.Elements("parameter").Count(Present)));
        model.Commands.Count.ShouldBe(objects.Sum(o => o.Elements("command").Count(Present)));
        model.Events.Count.ShouldBe(objects.Sum(o => o.Elements("event").Count(Present)));
        model.Parameters.Select(p => p.Path).ShouldBeUnique();
        model.Objects.Count.ShouldBeGreaterThan(800);
        model.Parameters.Count.ShouldBeGreaterThan(6_500);
    }

    [Fact]
    public void WellKnownParameters_HaveTheirTypesRangesAndEnumerations()
    {
        var model = Tr181Reader.ReadFile(Path.Combine(Folder, "tr-181-2-19-1-usp-full.xml"));
        var parameters = model.Parameters.ToDictionary(p => p.Path);

        var ssid = parameters["Device.WiFi.SSID.{i}.SSID"];
        ssid.Access.ShouldBe(Tr181Access.ReadWrite);
        ssid.Syntax.BaseType.ShouldBe("string");
        ssid.Syntax.MaxLength.ShouldBe(32);
        ssid.ObjectPath.ShouldBe("Device.WiFi.SSID.{i}.");

        var upTime = parameters["Device.DeviceInfo.UpTime"];
        upTime.Access.ShouldBe(Tr181Access.ReadOnly);
        upTime.Syntax.BaseType.ShouldBe("unsignedInt");
        upTime.Syntax.Units.ShouldBe("seconds");

        // IPv4Address → IPAddress → string: the length and patterns come from the data types.
        var address = parameters["Device.IP.Interface.{i}.IPv4Address.{i}.IPAddress"];
        address.Syntax.DataType.ShouldBe("IPv4Address");
        address.Syntax.BaseType.ShouldBe("string");
        address.Syntax.MaxLength.ShouldBe(15);
        address.Syntax.Patterns.Count.ShouldBe(2);
        address.Syntax.Patterns.ShouldContain("");

        parameters["Device.IP.Interface.{i}.Status"].Syntax.Enumerations.ShouldBe(
            ["Up", "Down", "Unknown", "Dormant", "NotPresent", "LowerLayerDown", "Error"]);
        parameters["Device.IP.Interface.{i}.Enable"].Syntax.BaseType.ShouldBe("boolean");
        var mtu = parameters["Device.IP.Interface.{i}.MaxMTUSize"].Syntax;
        mtu.Ranges.ShouldHaveSingleItem().ShouldBe(new Tr181Range(64, 65535));
        parameters["Device.IP.Interface.{i}.LowerLayers"].Syntax.IsList.ShouldBeTrue();

        var ssids = model.Objects.Single(o => o.Path == "Device.WiFi.SSID.{i}.");
        ssids.IsMultiInstance.ShouldBeTrue();
        ssids.Access.ShouldBe(Tr181Access.ReadWrite);
        ssids.MaxEntries.ShouldBeNull();
        ssids.UniqueKeys.ShouldNotBeEmpty();

        var ping = model.Commands.Single(c => c.Path == "Device.IP.Diagnostics.IPPing()");
        ping.IsAsync.ShouldBeTrue();
        ping.Input.Select(a => a.Name).ShouldContain("Host");
        ping.Output.Select(a => a.Name).ShouldContain("AverageResponseTime");
        model.Events.Single(e => e.Path == "Device.Boot!").Arguments.Select(a => a.Name).ShouldContain("CommandKey");
    }

    [Fact]
    public void TheCwmpFlavour_HasNoCommandsOrEvents_AndTheSameCoreParameters()
    {
        var cwmp = Tr181Reader.ReadFile(Path.Combine(Folder, "tr-181-2-19-1-cwmp-full.xml"));
        var usp = Tr181Reader.ReadFile(Path.Combine(Folder, "tr-181-2-19-1-usp-full.xml"));

        cwmp.Commands.ShouldBeEmpty();
        cwmp.Events.ShouldBeEmpty();
        foreach (var path in new[] { "Device.WiFi.SSID.{i}.SSID", "Device.DeviceInfo.UpTime", "Device.IP.Interface.{i}.IPv4Address.{i}.IPAddress" })
        {
            cwmp.Parameters.Single(p => p.Path == path).Syntax.ShouldBeEquivalentTo(usp.Parameters.Single(p => p.Path == path).Syntax);
        }
    }

    [Fact]
    public void BrokenOrTruncatedModels_AreRefusedWithTheReason()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "tr-181-2-19-1-usp-full.xml"));
        var truncated = Path.Combine(Path.GetTempPath(), $"drm-tr181-{Guid.NewGuid():N}.xml");
        File.WriteAllText(truncated, text[..(text.Length / 2)]);
        try
        {
            Should.Throw<Tr181FormatException>(() => Tr181Reader.ReadFile(truncated)).Message.ShouldContain("not well-formed XML");
        }
        finally
        {
            File.Delete(truncated);
        }

        Should.Throw<Tr181FormatException>(() => Tr181Reader.Read(XDocument.Parse("<html/>"))).Message.ShouldContain("not a data-model");
        var unknownType = XDocument.Parse("""
            <dm:document xmlns:dm="urn:broadband-forum-org:cwmp:datamodel-1-15">
              <model name="Device:2.19">
                <object name="Device." access="readOnly" minEntries="1" maxEntries="1">
                  <parameter name="X" access="readOnly"><syntax><dataType ref="NoSuchType"/></syntax></parameter>
                </object>
              </model>
            </dm:document>
            """, LoadOptions.SetLineInfo);
        Should.Throw<Tr181FormatException>(() => Tr181Reader.Read(unknownType)).Message.ShouldBe("Line 4: The data type 'NoSuchType' is not defined in this document or its imports.");
    }

    [Fact]
    public void AnExternalEntity_IsNeverFetched()
    {
        var model = Tr181Reader.Read("hostile.xml", Hostile("<!ENTITY x SYSTEM \"file:///etc/passwd\">", "[&x;]"));

        model.Objects.Single().Description.ShouldBe("[]");
    }

    [Fact]
    public void AnEntityBomb_IsRefused()
    {
        const string Entities = "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">" +
                                "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">" +
                                "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">";

        var error = Should.Throw<Tr181FormatException>(() => Tr181Reader.Read("hostile.xml", Hostile(Entities, "&e;&e;")));

        error.Message.ShouldStartWith("hostile.xml is not well-formed XML: ");
    }

    private static Dictionary<string, Func<Stream>> Hostile(string entities, string use)
    {
        var text = "<?xml version=\"1.0\"?><!DOCTYPE document [" + entities + "]>" +
                   "<dm:document xmlns:dm=\"urn:broadband-forum-org:cwmp:datamodel-1-15\"><model name=\"Device:2.19\">" +
                   "<object name=\"Device.\" access=\"readOnly\" minEntries=\"1\" maxEntries=\"1\"><description>" + use + "</description></object>" +
                   "</model></dm:document>";
        return new Dictionary<string, Func<Stream>> { ["hostile.xml"] = () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) };
    }
}
