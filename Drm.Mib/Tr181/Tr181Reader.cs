using System.Xml;
using System.Xml.Linq;

namespace Drm.Mib.Tr181;

/// <summary>
/// Reads a Broadband Forum data-model document (<c>dm:document</c>, the cwmp-datamodel schema) whose model states every
/// object with its full path: the flattened single-file models (<c>tr-181-2-19-1-usp-full.xml</c>,
/// <c>-cwmp-full.xml</c>). Data types come from the document itself. Items whose status is <c>deleted</c> are left out.
/// </summary>
/// <remarks>
/// Models built from components (<c>tr-181-2-19-1-usp.xml</c> with its component files) are refused with a message
/// that says so: expanding components is not implemented yet.
/// </remarks>
public static class Tr181Reader
{
    public static Tr181Model ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Read(XDocument.Load(stream, LoadOptions.SetLineInfo));
        }
        catch (XmlException e)
        {
            throw new Tr181FormatException($"{Path.GetFileName(path)} is not well-formed XML: {e.Message}", e);
        }
    }

    public static Tr181Model Read(string mainFileName, IReadOnlyDictionary<string, Func<Stream>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        try
        {
            using var stream = files[mainFileName]();
            return Read(XDocument.Load(stream, LoadOptions.SetLineInfo));
        }
        catch (XmlException e)
        {
            throw new Tr181FormatException($"{mainFileName} is not well-formed XML: {e.Message}", e);
        }
    }

    public static Tr181Model Read(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root ?? throw new Tr181FormatException("The document is empty.");
        if (root.Name.LocalName != "document")
        {
            throw Tr181FormatException.At(root, $"The root element is <{root.Name.LocalName}>, not a data-model <dm:document>.");
        }

        var dataTypes = root.Elements("dataType")
            .Where(d => (string?)d.Attribute("name") is not null)
            .GroupBy(d => (string)d.Attribute("name")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var syntaxes = new Tr181SyntaxReader(dataTypes);
        var model = root.Elements("model").LastOrDefault() ?? throw Tr181FormatException.At(root, "The document defines no model.");
        if ((string?)model.Attribute("base") is not null || model.Elements("component").Any())
        {
            throw Tr181FormatException.At(model,
                "The model is built from components; only flattened models (every object with its full path, such as tr-181-2-19-1-usp-full.xml) are read.");
        }

        var objects = new List<Tr181Object>();
        var parameters = new List<Tr181Parameter>();
        var commands = new List<Tr181Command>();
        var events = new List<Tr181Event>();
        foreach (var element in model.Elements("object").Where(IsPresent))
        {
            var path = Name(element);
            objects.Add(new Tr181Object(
                path,
                Access(element),
                (int?)element.Attribute("minEntries") ?? 0,
                (string?)element.Attribute("maxEntries") is "unbounded" or null ? null : (int)element.Attribute("maxEntries")!,
                element.Elements("uniqueKey").Select(k => (IReadOnlyList<string>)k.Elements("parameter").Select(p => (string)p.Attribute("ref")!).ToList()).ToList(),
                Status(element),
                (string?)element.Attribute("version"),
                Description(element)));
            parameters.AddRange(element.Elements("parameter").Where(IsPresent).Select(p => Parameter(p, path, syntaxes)));
            foreach (var command in element.Elements("command").Where(IsPresent))
            {
                commands.Add(new Tr181Command(
                    path + Name(command),
                    (bool?)command.Attribute("async") ?? false,
                    Arguments(command.Element("input"), path + Name(command), syntaxes),
                    Arguments(command.Element("output"), path + Name(command), syntaxes),
                    Status(command),
                    (string?)command.Attribute("version"),
                    Description(command)));
            }

            foreach (var evt in element.Elements("event").Where(IsPresent))
            {
                events.Add(new Tr181Event(path + Name(evt), Arguments(evt, path + Name(evt), syntaxes), Status(evt), (string?)evt.Attribute("version"), Description(evt)));
            }
        }

        return new Tr181Model(Name(model), objects, parameters, commands, events);
    }

    private static Tr181Parameter Parameter(XElement element, string objectPath, Tr181SyntaxReader syntaxes)
    {
        var name = Name(element);
        var syntax = element.Element("syntax") ?? throw Tr181FormatException.At(element, $"The parameter '{objectPath}{name}' has no syntax.");
        return new Tr181Parameter(
            objectPath + name, name, objectPath, Access(element), syntaxes.Read(syntax), Status(element), (string?)element.Attribute("version"), Description(element));
    }

    // Command input and output arguments and event arguments: parameters, and objects holding parameters.
    private static List<Tr181Parameter> Arguments(XElement? holder, string owner, Tr181SyntaxReader syntaxes)
    {
        if (holder is null)
        {
            return [];
        }

        var arguments = holder.Elements("parameter").Where(IsPresent).Select(p => Parameter(p, owner + ".", syntaxes)).ToList();
        foreach (var argumentObject in holder.Elements("object").Where(IsPresent))
        {
            var prefix = owner + "." + Name(argumentObject);
            arguments.AddRange(argumentObject.Elements("parameter").Where(IsPresent).Select(p => Parameter(p, prefix, syntaxes)));
        }

        return arguments;
    }

    private static bool IsPresent(XElement element) => Status(element) != "deleted";

    private static string Name(XElement element) =>
        (string?)element.Attribute("name") ?? throw Tr181FormatException.At(element, $"A <{element.Name.LocalName}> has no name.");

    private static string Status(XElement element) => (string?)element.Attribute("status") ?? "current";

    private static string? Description(XElement element) => element.Element("description")?.Value.Trim();

    private static Tr181Access Access(XElement element) => (string?)element.Attribute("access") switch
    {
        "readWrite" or "readwrite" => Tr181Access.ReadWrite,
        "writeOnceReadOnly" => Tr181Access.WriteOnceReadOnly,
        "readOnly" or "readonly" or "" or null => Tr181Access.ReadOnly,
        var other => throw Tr181FormatException.At(element, $"Unknown access '{other}'."),
    };
}
