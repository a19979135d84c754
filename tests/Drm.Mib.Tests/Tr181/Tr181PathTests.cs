using Drm.Mib.Tr181;

namespace Drm.Mib.Tests.Tr181;

public sealed class Tr181PathTests
{
    [Theory]
    [InlineData("Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.{i}.SSID")]
    [InlineData("Device.IP.Interface.2.IPv4Address.10.", "Device.IP.Interface.{i}.IPv4Address.{i}.")]
    [InlineData("Device.WiFi.SSID.{i}.SSID", "Device.WiFi.SSID.{i}.SSID")]
    [InlineData("Device.IP.Diagnostics.IPPing()", "Device.IP.Diagnostics.IPPing()")]
    public void InstanceNumbers_StandForTheirTemplate(string path, string template) => Tr181Path.ToTemplate(path).ShouldBe(template);

    [Theory]
    [InlineData("Device.WiFi.SSID.{i}.SSID", "Device.WiFi.SSID.{i}.", 4, "SSID")]
    [InlineData("Device.WiFi.SSID.{i}.", "Device.WiFi.", 3, "SSID.{i}")]
    [InlineData("Device.", "", 1, "Device")]
    [InlineData("Device.Boot!", "Device.", 2, "Boot!")]
    public void ATableKeepsItsInstanceSegment(string path, string parent, int depth, string last)
    {
        Tr181Path.Parent(path).ShouldBe(parent);
        Tr181Path.Segments(path).Count.ShouldBe(depth);
        Tr181Path.Segments(path)[^1].ShouldBe(last);
    }

    [Theory]
    [InlineData("Device.WiFi.SSID.1.SSID", null)]
    [InlineData("Device.WiFi.SSID.4294967295.SSID", null)]
    [InlineData("Device.WiFi.SSID.{i}.SSID", "{i}")]
    [InlineData("Device.WiFi.SSID.0.SSID", "'0'")]
    [InlineData("Device.WiFi.SSID.007.SSID", "'007'")]
    [InlineData("Device.WiFi.SSID.4294967296.SSID", "'4294967296'")]
    public void InstanceNumbers_RunFromOneWithoutLeadingZeros(string path, string? complaint)
    {
        var error = Tr181Path.CheckInstanceNumbers(path);
        if (complaint is null)
        {
            error.ShouldBeNull();
        }
        else
        {
            error.ShouldNotBeNull().Code.ShouldBe(Tr181ErrorCodes.InstanceNumber);
            error.Message.ShouldContain(complaint);
        }
    }
}
