using System.Xml.Linq;

namespace Drm.Mib.Tr181;

/// <summary>
/// Expands a model into its objects, parameters, commands and events. A flattened model is the simple case (objects
/// with full paths, nothing referenced); a component model pulls in its base model, then splices each
/// <c>&lt;component ref&gt;</c> in place: object names inside are relative to the enclosing object (or to the
/// reference's <c>path</c>), parameters attach to the enclosing object. <c>base=</c> items change what an earlier
/// definition made. Names resolve in the scope of the document the element comes from.
/// </summary>
internal sealed partial class Tr181ComponentExpander
{
    // Components reference components; a cycle in the files must end in an error, not a stack overflow.
    private const int MaxDepth = 64;

    private const string UspFirstVersion = "2.12";

    private readonly Tr181DocumentSet _set;
    private readonly bool _namesFiles;
    private readonly Dictionary<string, ObjectBuilder> _objects = new(StringComparer.Ordinal);
    private readonly List<ObjectBuilder> _objectOrder = [];
    private readonly Dictionary<Tr181Document, Tr181SyntaxReader> _syntaxReaders = [];
    private readonly string? _versionFloor;
    private int _depth;

    private Tr181ComponentExpander(Tr181DocumentSet set, bool namesFiles)
    {
        _set = set;
        _namesFiles = namesFiles;
        _versionFloor = ((string?)set.Main.Root.Attribute("spec"))?.EndsWith("-usp", StringComparison.Ordinal) == true ? UspFirstVersion : null;
    }

    /// <summary>Expands the main document's last model.</summary>
    /// <param name="set">The loaded documents.</param>
    /// <param name="namesFiles">Whether messages name the file (false for a lone in-memory document).</param>
    public static Tr181Model Expand(Tr181DocumentSet set, bool namesFiles)
    {
        var root = set.Main.Root;
        var model = root.Elements("model").LastOrDefault()
                    ?? throw Tr181FormatException.At(root, $"{(namesFiles ? set.Main.FileName + ": " : "")}The document defines no model.");
        var expander = new Tr181ComponentExpander(set, namesFiles);
        expander.Model(set.Main, model);
        return expander.Build(Name(model, set.Main));
    }

    private void Model(Tr181Document document, XElement model)
    {
        Enter(model, document);
        if ((string?)model.Attribute("base") is { } baseName)
        {
            // Device:2.19 base="_Device:2.19": the protocol-neutral model (imported under a private name) comes first.
            var (baseDocument, baseModel) = _set.Find(document, "model", baseName)
                                            ?? throw Error(model, document, $"The model '{baseName}' is not defined in {document.FileName} or its imports.");
            Model(baseDocument, baseModel);
        }

        Walk(model, new Context(document, "", null, null, null));
        _depth--;
    }

    private void Walk(XElement container, Context context)
    {
        foreach (var element in container.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "object":
                    Object(element, context);
                    break;
                case "parameter":
                    Parameter(element, context);
                    break;
                case "command":
                    Command(element, context);
                    break;
                case "event":
                    Event(element, context);
                    break;
                case "component":
                    Component(element, context);
                    break;
            }
        }
    }

    private void Object(XElement element, Context context)
    {
        var name = NameOrBase(element, context.Document);
        if (context.Arguments is { } arguments)
        {
            // An object among command or event arguments only groups argument parameters under its (relative) name.
            if (Status(element) != "deleted")
            {
                Walk(element, context with { Prefix = context.Prefix + name, Arguments = arguments });
            }

            return;
        }

        var path = context.Prefix + name;
        if (!_objects.TryGetValue(path, out var target))
        {
            if ((string?)element.Attribute("name") is null)
            {
                throw Error(element, context.Document, $"The object '{path}' is extended (base=) but was never defined.");
            }

            target = new ObjectBuilder(path);
            _objects.Add(path, target);
            _objectOrder.Add(target);
        }

        target.Apply(element, context.Clamp);
        Walk(element, context with { Prefix = path, Object = target });
    }

    private void Parameter(XElement element, Context context)
    {
        var parameters = context.Arguments
                         ?? context.Object?.Parameters
                         ?? throw Error(element, context.Document, "A parameter stands outside any object.");
        var name = NameOrBase(element, context.Document);
        parameters.GetOrAdd(context.Arguments is null ? "" : context.Prefix, name).Apply(element, context.Document, context.Clamp);
    }

    private void Command(XElement element, Context context)
    {
        var target = context.Object ?? throw Error(element, context.Document, "A command stands outside any object.");
        var name = NameOrBase(element, context.Document);
        if (!target.Commands.TryGetValue(name, out var command))
        {
            command = new CommandBuilder(name);
            target.Commands.Add(name, command);
        }

        command.Apply(element, context.Clamp);
        if (element.Element("input") is { } input)
        {
            Walk(input, context with { Prefix = "", Object = null, Arguments = command.Input });
        }

        if (element.Element("output") is { } output)
        {
            Walk(output, context with { Prefix = "", Object = null, Arguments = command.Output });
        }
    }

    private void Event(XElement element, Context context)
    {
        var target = context.Object ?? throw Error(element, context.Document, "An event stands outside any object.");
        var name = NameOrBase(element, context.Document);
        if (!target.Events.TryGetValue(name, out var evt))
        {
            evt = new EventBuilder(name);
            target.Events.Add(name, evt);
        }

        evt.Apply(element, context.Clamp);
        Walk(element, context with { Prefix = "", Object = null, Arguments = evt.Arguments });
    }

    private void Component(XElement reference, Context context)
    {
        var name = (string?)reference.Attribute("ref") ?? throw Error(reference, context.Document, "A component reference has no ref.");
        var (document, component) = FindComponent(context.Document, name)
                                    ?? throw Error(reference, context.Document, $"The component '{name}' is not defined in {context.Document.FileName} or its imports.");
        var path = (string?)reference.Attribute("path");
        var prefix = context.Prefix + path;
        var target = context.Object;
        if (path is not null && context.Arguments is null)
        {
            // Parameters directly inside the component attach to the object the path names.
            target = _objects.GetValueOrDefault(prefix);
        }

        // tr-106-types.xml: "when expanded, the version will be clamped to the version supplied on or inherited by the
        // component reference", so a component written for 1.0 (Alias) shows the version of the object that uses it.
        // A reference inside a reference clamped higher keeps the higher clamp (CollectionDeviceCWMP references
        // CollectionDevice at 2.19, whose Alias reference says 2.16: the Alias parameter is 2.19).
        var clamp = Latest(Latest((string?)reference.Attribute("version"), context.Clamp), context.Object?.Version);
        Enter(reference, context.Document);
        Walk(component, new Context(document, prefix, target, context.Arguments, clamp));
        _depth--;
    }

    // A virtual component (tr-106's Alias, interface's InterfaceStatsReset) is a placeholder the main document
    // overrides with its protocol's variant: Alias means _AliasUSP in the USP model and _AliasCWMP in the CWMP one.
    private (Tr181Document Document, XElement Element)? FindComponent(Tr181Document scope, string name)
    {
        var found = _set.Find(scope, "component", name);
        if (found is { Element: var element } && (bool?)element.Attribute("virtual") == true
            && _set.Find(_set.Main, "component", (string)element.Attribute("name")!) is { } overriding
            && (bool?)overriding.Element.Attribute("virtual") != true)
        {
            return overriding;
        }

        return found;
    }

    private void Enter(XElement element, Tr181Document document)
    {
        if (++_depth > MaxDepth)
        {
            throw Error(element, document, $"Components nest more than {MaxDepth} deep; do they reference each other in a cycle?");
        }
    }

    private Tr181Model Build(string modelName)
    {
        var objects = new List<Tr181Object>();
        var parameters = new List<Tr181Parameter>();
        var commands = new List<Tr181Command>();
        var events = new List<Tr181Event>();
        foreach (var o in _objectOrder.Where(o => o.Status != "deleted"))
        {
            objects.Add(new Tr181Object(o.Path, o.Access, o.MinEntries, o.MaxEntries, o.UniqueKeys, o.Status, Floored(o.Version), o.Description));
            parameters.AddRange(Parameters(o.Parameters, o.Path, access: null));
            foreach (var c in o.Commands.Values.Where(c => c.Status != "deleted"))
            {
                var path = o.Path + c.Name;
                commands.Add(new Tr181Command(
                    path, c.IsAsync, Parameters(c.Input, path + ".", Tr181Access.ReadWrite), Parameters(c.Output, path + ".", Tr181Access.ReadOnly),
                    c.Status, Floored(c.Version), c.Description));
            }

            foreach (var e in o.Events.Values.Where(e => e.Status != "deleted"))
            {
                var path = o.Path + e.Name;
                events.Add(new Tr181Event(path, Parameters(e.Arguments, path + ".", Tr181Access.ReadOnly), e.Status, Floored(e.Version), e.Description));
            }
        }

        return new Tr181Model(modelName, objects, parameters, commands, events);
    }

    // Arguments flow one way: the controller supplies a command's input, the agent its output and an event's
    // arguments. The component files state access="readWrite" on input arguments, but the flattened files
    // (bbfreport's output) drop it; the direction is the access that holds for both.
    // Arguments directly in the holder come before those in argument objects, as the schema orders an <input>'s
    // children and the flattened files list them; a component spliced in between does not change that.
    private List<Tr181Parameter> Parameters(ParameterSet set, string owner, Tr181Access? access) =>
        set.Where(p => p.Status != "deleted").OrderBy(p => p.Prefix.Length == 0 ? 0 : 1).Select(p => Parameter(p, owner + p.Prefix, access)).ToList();

    private Tr181Parameter Parameter(ParameterBuilder p, string objectPath, Tr181Access? access)
    {
        var syntax = p.Syntax ?? throw Error(p.Element, p.Document, $"The parameter '{objectPath}{p.Name}' has no syntax.");
        if (!_syntaxReaders.TryGetValue(p.SyntaxDocument!, out var reader))
        {
            var scope = p.SyntaxDocument!;
            reader = new Tr181SyntaxReader(name => _set.Find(scope, "dataType", name)?.Element);
            _syntaxReaders.Add(scope, reader);
        }

        Tr181Syntax resolved;
        try
        {
            resolved = reader.Read(syntax);
        }
        catch (Tr181FormatException e) when (_namesFiles)
        {
            throw new Tr181FormatException($"{p.SyntaxDocument!.FileName}: {e.Message}", e);
        }

        return new Tr181Parameter(objectPath + p.Name, p.Name, objectPath, access ?? p.Access, resolved, p.Status, Floored(p.Version), p.Description);
    }

    // The USP flavour of Device:2 begins at 2.12, the first version published for USP: its flattened file shows
    // every item of an older version as 2.12. The component files keep their CWMP-era versions, so the floor is
    // applied here when the main document is a USP one (spec urn:broadband-forum-org:tr-181-2-19-1-usp).
    private string? Floored(string? version) =>
        version is not null && _versionFloor is not null && CompareVersions(version, _versionFloor) < 0 ? _versionFloor : version;

    private Tr181FormatException Error(XElement element, Tr181Document document, string message) =>
        Tr181FormatException.At(element, _namesFiles ? $"{document.FileName}: {message}" : message);

    private string NameOrBase(XElement element, Tr181Document document) =>
        (string?)element.Attribute("name") ?? (string?)element.Attribute("base")
        ?? throw Error(element, document, $"A <{element.Name.LocalName}> has neither name nor base.");

    private static string Name(XElement element, Tr181Document document) =>
        (string?)element.Attribute("name") ?? throw Tr181FormatException.At(element, $"{document.FileName}: A <{element.Name.LocalName}> has no name.");

    private static string Status(XElement element) => (string?)element.Attribute("status") ?? "current";

    /// <param name="Document">The document whose names the elements here use.</param>
    /// <param name="Prefix">Objects defined here get this path prefix; for arguments, the argument object's relative name.</param>
    /// <param name="Object">Where parameters, commands and events go; null at model level and among arguments.</param>
    /// <param name="Arguments">Where parameters go inside a command's input or output or an event.</param>
    /// <param name="Clamp">The version items spliced from a component are raised to.</param>
    private readonly record struct Context(Tr181Document Document, string Prefix, ObjectBuilder? Object, ParameterSet? Arguments, string? Clamp);
}
