namespace Drm.TestUtils;

/// <summary>
/// A small vendor data model (X_ACME_Device) in two versions, and where the Broadband Forum's TR-181 files are.
/// From 1.0 to 1.1: Speed's range widens (changed), Serial goes (removed), Rpm comes (added).
/// </summary>
public static class TestTr181
{
    public static string Folder => Path.Combine(RepositoryPaths.Shared, "data", "tr181");

    public static string UspFull => Path.Combine(Folder, "tr-181-2-19-1-usp-full.xml");

    public static string UspComponents => Path.Combine(Folder, "tr-181-2-19-1-usp.xml");

    /// <summary>The flattened CWMP model: what TR-069 CPEs implement (ManagementServer and the other CWMP-only objects).</summary>
    public static string CwmpFull => Path.Combine(Folder, "tr-181-2-19-1-cwmp-full.xml");

    public static string Vendor(string version = "1.0")
    {
        var newer = version != "1.0";
        return $"""
            <dm:document xmlns:dm="urn:broadband-forum-org:cwmp:datamodel-1-15" spec="urn:example-com:acme-{version}">
              <dataType name="Percent"><unsignedInt><range minInclusive="0" maxInclusive="{(newer ? 200 : 100)}"/></unsignedInt></dataType>
              <model name="X_ACME_Device:{version}">
                <object name="Device.X_ACME_Fan." access="readOnly" minEntries="1" maxEntries="1">
                  <description>The cooling fan.</description>
                  <parameter name="Speed" access="readWrite"><description>Fan speed in percent.</description><syntax><dataType ref="Percent"/></syntax></parameter>
                  <parameter name="Mode" access="readWrite"><syntax><string><enumeration value="Auto"/><enumeration value="Manual"/></string></syntax></parameter>
                  {(newer ? "<parameter name=\"Rpm\" access=\"readOnly\"><syntax><unsignedInt/></syntax></parameter>"
                      : "<parameter name=\"Serial\" access=\"readOnly\"><syntax><string><size maxLength=\"16\"/></string></syntax></parameter>")}
                </object>
                <object name="Device.X_ACME_Fan.Zone.{"{i}"}." access="readWrite" minEntries="0" maxEntries="unbounded">
                  <parameter name="Name" access="readWrite"><syntax><string><size maxLength="8"/><pattern value="[a-z]+"/></string></syntax></parameter>
                </object>
              </model>
            </dm:document>
            """;
    }
}
