using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Drm.Mib.Tr181;
using Drm.TestUtils;

namespace Drm.Mib.Tests.Tr181;

/// <summary>The component-based TR-181 models: an entry point with the component files it imports.</summary>
public sealed class Tr181ComponentModelTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Shared, "data", "tr181");

    // Everything but descriptions must agree. Descriptions are left out because bbfreport rewrites their text when it
    // flattens (it joins action="append"/"prefix" pieces and re-wraps lines its own way); the catalog's paths, access,
    // entries, keys, status, versions, syntaxes and arguments are what the service uses, and those must match exactly.
    [Theory]
    [InlineData("tr-181-2-19-1-usp.xml", "tr-181-2-19-1-usp-full.xml")]
    [InlineData("tr-181-2-19-1-cwmp.xml", "tr-181-2-19-1-cwmp-full.xml")]
    public void AComponentModel_GivesTheSameCatalogAsItsFlattenedFile(string entryPoint, string flattened)
    {
        var expected = Tr181Reader.ReadFile(Path.Combine(Folder, flattened));
        Tr181Reader.ReadFile(Path.Combine(Folder, entryPoint));
        var clock = Stopwatch.StartNew();
        var actual = Tr181Reader.ReadFile(Path.Combine(Folder, entryPoint));
        output.WriteLine($"{entryPoint} read warm in {clock.ElapsedMilliseconds} ms");

        Tr181CatalogComparison.Differences(expected, actual).ShouldBeEmpty();
        actual.Name.ShouldBe(expected.Name);
        actual.Objects.Count.ShouldBe(expected.Objects.Count);
        actual.Parameters.Count.ShouldBe(expected.Parameters.Count);
        actual.Commands.Count.ShouldBe(expected.Commands.Count);
        actual.Events.Count.ShouldBe(expected.Events.Count);
    }

    [Fact]
    public void TheUspModel_ReadsAliasAsTheUspVariant_AndCommandArgumentsFromComponents()
    {
        var model = Tr181Reader.ReadFile(Path.Combine(Folder, "tr-181-2-19-1-usp.xml"));

        // tr-106's virtual Alias component is overridden by the entry point's import of _AliasUSP.
        var alias = model.Parameters.Single(p => p.Path == "Device.WiFi.SSID.{i}.Alias");
        alias.Access.ShouldBe(Tr181Access.WriteOnceReadOnly);
        alias.Syntax.DataType.ShouldBe("_AliasUSP");
        alias.Syntax.MaxLength.ShouldBe(64);
        var ping = model.Commands.Single(c => c.Path == "Device.IP.Diagnostics.IPPing()");
        ping.Input.Select(a => a.Name).ShouldContain("Host");
        ping.Output.Select(a => a.Name).ShouldContain("AverageResponseTime");
    }

    [Fact]
    public void MissingImports_AreAllNamedInOneMessage()
    {
        using var folder = new TempFolder();
        var present = new[] { "tr-181-2-19-1-usp.xml", "tr-069-biblio.xml", "tr-106-types.xml", "tr-181-2-19-0-common.xml" };
        foreach (var file in present)
        {
            File.Copy(Path.Combine(Folder, file), Path.Combine(folder.Path, file));
        }

        // Expected: every file the present ones import, as the imports name it (unversioned), less what is present.
        var presentUnversioned = present.Select(f => Regex.Replace(f, @"^(tr-\d+-\d+)-\d+-\d+-", "$1-")).ToHashSet();
        var imported = present.SelectMany(f => XDocument.Load(Path.Combine(Folder, f)).Root!.Elements("import"))
            .Select(i => (string)i.Attribute("file")!)
            .Where(f => !presentUnversioned.Contains(f))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        imported.ShouldContain("tr-181-2-iot.xml");
        imported.ShouldNotContain("tr-181-2-common.xml");

        var error = Should.Throw<Tr181FormatException>(() => Tr181Reader.ReadFile(Path.Combine(folder.Path, "tr-181-2-19-1-usp.xml")));

        error.Message.ShouldBe($"tr-181-2-19-1-usp.xml imports files that are not present beside it: {string.Join(", ", imported)}.");
    }

    [Fact]
    public void AnUnversionedImport_ResolvesToTheNewestVersionedFilePresent()
    {
        var files = new Dictionary<string, Func<Stream>>
        {
            ["main.xml"] = Text("""
                <dm:document xmlns:dm="urn:broadband-forum-org:cwmp:datamodel-1-15" spec="urn:example:main">
                  <import file="tr-999-1-gadget.xml" spec="urn:example:tr-999-1-gadget"><component name="Gadget"/></import>
                  <model name="Device:1.0">
                    <object name="Device." access="readOnly" minEntries="1" maxEntries="1" version="1.0">
                      <component ref="Gadget"/>
                    </object>
                  </model>
                </dm:document>
                """),
            ["tr-999-1-2-0-gadget.xml"] = Gadget("OldSetting"),
            ["tr-999-1-10-0-gadget.xml"] = Gadget("NewestSetting"),
            ["tr-999-1-9-3-gadget.xml"] = Gadget("MiddleSetting"),
        };

        var model = Tr181Reader.Read("main.xml", files);

        // Amendment 10 beats 9 and 2: versions compare as numbers, not text.
        model.Parameters.ShouldHaveSingleItem().Path.ShouldBe("Device.NewestSetting");
    }

    [Fact]
    public void AMalformedImportedFile_FailsWithItsName()
    {
        using var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.xml").Where(f => !f.EndsWith("-full.xml", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        }

        var broken = Path.Combine(folder.Path, "tr-181-2-19-0-iot.xml");
        var text = File.ReadAllText(broken);
        File.WriteAllText(broken, text[..(text.Length / 2)]);

        var error = Should.Throw<Tr181FormatException>(() => Tr181Reader.ReadFile(Path.Combine(folder.Path, "tr-181-2-19-1-usp.xml")));

        error.Message.ShouldStartWith("tr-181-2-19-0-iot.xml is not well-formed XML: ");
    }

    [Fact]
    public void AnExtendingParameter_KeepsWhatItsSyntaxDoesNotRestate()
    {
        var model = Tr181Reader.ReadFile(Path.Combine(Folder, "tr-181-2-19-1-cwmp.xml"));
        var parameters = model.Parameters.ToDictionary(p => p.Path);

        // interface.xml adds a default with <string/>: the enumerations stay.
        var status = parameters["Device.IP.Interface.{i}.Status"].Syntax;
        status.Default.ShouldBe("Down");
        status.Enumerations.ShouldContain("LowerLayerDown");
        // cellular.xml turns StatsCounter32 into StatsCounter64: the units stay.
        var errors = parameters["Device.Cellular.Interface.{i}.Stats.ErrorsSent"].Syntax;
        errors.DataType.ShouldBe("StatsCounter64");
        errors.Units.ShouldBe("packets");
    }

    private static Func<Stream> Text(string xml) => () => new MemoryStream(Encoding.UTF8.GetBytes(xml));

    private static Func<Stream> Gadget(string parameter) => Text($"""
        <dm:document xmlns:dm="urn:broadband-forum-org:cwmp:datamodel-1-15" spec="urn:example:gadget">
          <component name="Gadget">
            <parameter name="{parameter}" access="readWrite"><syntax><boolean/></syntax></parameter>
          </component>
        </dm:document>
        """);

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("drm-tr181-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
