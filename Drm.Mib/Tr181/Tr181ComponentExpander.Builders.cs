using System.Collections;
using System.Globalization;
using System.Xml.Linq;

namespace Drm.Mib.Tr181;

/// <summary>
/// The mutable items the expansion builds up: a definition (<c>name=</c>) creates one, and every later element with
/// <c>base=</c> changes only what it states.
/// </summary>
internal sealed partial class Tr181ComponentExpander
{
    private sealed class ObjectBuilder(string path)
    {
        public string Path { get; } = path;

        public Tr181Access Access { get; private set; } = Tr181Access.ReadOnly;

        public int MinEntries { get; private set; }

        public int? MaxEntries { get; private set; }

        public List<IReadOnlyList<string>> UniqueKeys { get; } = [];

        public string Status { get; private set; } = "current";

        public string? Version { get; private set; }

        public string? Description { get; private set; }

        public ParameterSet Parameters { get; } = new();

        public Dictionary<string, CommandBuilder> Commands { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, EventBuilder> Events { get; } = new(StringComparer.Ordinal);

        public void Apply(XElement element, string? clamp)
        {
            Access = AccessOf(element) ?? Access;
            if ((string?)element.Attribute("minEntries") is { } min)
            {
                MinEntries = int.Parse(min, CultureInfo.InvariantCulture);
            }

            if ((string?)element.Attribute("maxEntries") is { } max)
            {
                MaxEntries = max == "unbounded" ? null : int.Parse(max, CultureInfo.InvariantCulture);
            }

            UniqueKeys.AddRange(element.Elements("uniqueKey").Select(k => (IReadOnlyList<string>)k.Elements("parameter").Select(p => (string)p.Attribute("ref")!).ToList()));
            Status = (string?)element.Attribute("status") ?? Status;
            Version = Clamped((string?)element.Attribute("version"), clamp) ?? Version;
            Description = Described(element, Description);
        }
    }

    private sealed class ParameterBuilder(string prefix, string name)
    {
        /// <summary>Empty for an object's parameter; an argument object's relative name for an argument inside one.</summary>
        public string Prefix { get; } = prefix;

        public string Name { get; } = name;

        public Tr181Access Access { get; private set; } = Tr181Access.ReadOnly;

        public XElement? Syntax { get; private set; }

        /// <summary>The document whose names the syntax's data types are looked up in.</summary>
        public Tr181Document? SyntaxDocument { get; private set; }

        public string Status { get; private set; } = "current";

        public string? Version { get; private set; }

        public string? Description { get; private set; }

        /// <summary>The element that defined the parameter, for messages.</summary>
        public XElement Element { get; private set; } = null!;

        public Tr181Document Document { get; private set; } = null!;

        public void Apply(XElement element, Tr181Document document, string? clamp)
        {
            if ((string?)element.Attribute("name") is not null || Element is null)
            {
                Element = element;
                Document = document;
            }

            Access = AccessOf(element) ?? Access;
            if (element.Element("syntax") is { } syntax)
            {
                if (Syntax is null)
                {
                    Syntax = syntax;
                    SyntaxDocument = document;
                }
                else
                {
                    (Syntax, var changesType) = Tr181SyntaxMerge.Merge(Syntax, syntax);
                    SyntaxDocument = changesType ? document : SyntaxDocument;
                }
            }

            Status = (string?)element.Attribute("status") ?? Status;
            Version = Clamped((string?)element.Attribute("version"), clamp) ?? Version;
            Description = Described(element, Description);
        }
    }

    private sealed class CommandBuilder(string name)
    {
        public string Name { get; } = name;

        public bool IsAsync { get; private set; }

        public ParameterSet Input { get; } = new();

        public ParameterSet Output { get; } = new();

        public string Status { get; private set; } = "current";

        public string? Version { get; private set; }

        public string? Description { get; private set; }

        public void Apply(XElement element, string? clamp)
        {
            IsAsync = (bool?)element.Attribute("async") ?? IsAsync;
            Status = (string?)element.Attribute("status") ?? Status;
            Version = Clamped((string?)element.Attribute("version"), clamp) ?? Version;
            Description = Described(element, Description);
        }
    }

    private sealed class EventBuilder(string name)
    {
        public string Name { get; } = name;

        public ParameterSet Arguments { get; } = new();

        public string Status { get; private set; } = "current";

        public string? Version { get; private set; }

        public string? Description { get; private set; }

        public void Apply(XElement element, string? clamp)
        {
            Status = (string?)element.Attribute("status") ?? Status;
            Version = Clamped((string?)element.Attribute("version"), clamp) ?? Version;
            Description = Described(element, Description);
        }
    }

    /// <summary>Parameters in the order first defined, found again by (argument object, name) when extended.</summary>
    private sealed class ParameterSet : IEnumerable<ParameterBuilder>
    {
        private readonly Dictionary<(string Prefix, string Name), ParameterBuilder> _byName = [];
        private readonly List<ParameterBuilder> _order = [];

        public ParameterBuilder GetOrAdd(string prefix, string name)
        {
            if (!_byName.TryGetValue((prefix, name), out var parameter))
            {
                parameter = new ParameterBuilder(prefix, name);
                _byName.Add((prefix, name), parameter);
                _order.Add(parameter);
            }

            return parameter;
        }

        public IEnumerator<ParameterBuilder> GetEnumerator() => _order.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static Tr181Access? AccessOf(XElement element) => (string?)element.Attribute("access") switch
    {
        null => null,
        "readWrite" or "readwrite" => Tr181Access.ReadWrite,
        "writeOnceReadOnly" => Tr181Access.WriteOnceReadOnly,
        "readOnly" or "readonly" or "" => Tr181Access.ReadOnly,
        var other => throw Tr181FormatException.At(element, $"Unknown access '{other}'."),
    };

    // The description's action says how an extension's text meets the earlier one (the cwmp-datamodel schema's
    // descriptionActionEnumeration); the text is kept trimmed, as the flattened reader gave it.
    private static string? Described(XElement element, string? earlier)
    {
        if (element.Element("description") is not { } description)
        {
            return earlier;
        }

        var text = description.Value.Trim();
        return (string?)description.Attribute("action") switch
        {
            "append" when earlier is not null => earlier + "\n" + text,
            "prefix" when earlier is not null => text + "\n" + earlier,
            _ => text,
        };
    }

    // A version below the clamp is raised to it; an item that states no version keeps inheriting its parent's.
    private static string? Clamped(string? version, string? clamp) =>
        version is not null && clamp is not null && CompareVersions(version, clamp) < 0 ? clamp : version;

    private static string? Latest(string? a, string? b) => a is null ? b : b is null ? a : CompareVersions(a, b) >= 0 ? a : b;

    private static int CompareVersions(string a, string b)
    {
        var left = a.Split('.');
        var right = b.Split('.');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var x = i < left.Length && int.TryParse(left[i], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0;
            var y = i < right.Length && int.TryParse(right[i], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }
}
