using System.Globalization;
using System.Xml.Linq;

namespace Drm.Mib.Tr181;

/// <summary>
/// Reads <c>syntax</c> elements and resolves named data types (<c>dataType ref="IPv4Address"</c>) through their
/// <c>base</c> chain. Each facet (sizes, ranges, enumerations, patterns, units) comes from the nearest level that states
/// it: a parameter's own facets narrow its data type's, which narrow the base type's.
/// </summary>
public sealed class Tr181SyntaxReader
{
    private const int MaxChain = 16;

    private readonly Func<string, XElement?> _dataType;

    public Tr181SyntaxReader(IReadOnlyDictionary<string, XElement> dataTypes)
    {
        ArgumentNullException.ThrowIfNull(dataTypes);
        _dataType = name => dataTypes.GetValueOrDefault(name);
    }

    /// <summary>Looks each data type name up in a document's scope (its own definitions and its imports).</summary>
    internal Tr181SyntaxReader(Func<string, XElement?> dataType) => _dataType = dataType;

    /// <summary>The built-in types of the cwmp-datamodel schema.</summary>
    public static readonly IReadOnlySet<string> BuiltInTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "string", "int", "unsignedInt", "long", "unsignedLong", "boolean", "dateTime", "base64", "hexBinary", "decimal",
    };

    public Tr181Syntax Read(XElement syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var facets = new Facets();
        var list = syntax.Element("list");
        var type = syntax.Elements().FirstOrDefault(e => BuiltInTypes.Contains(e.Name.LocalName) || e.Name.LocalName == "dataType")
                   ?? throw Tr181FormatException.At(syntax, "A syntax names no type.");
        string? dataTypeName = null;
        string baseType;
        if (type.Name.LocalName == "dataType")
        {
            // ref names a data type; base derives an anonymous one from it with the facets given here.
            dataTypeName = (string?)type.Attribute("ref") ?? (string?)type.Attribute("base")
                           ?? throw Tr181FormatException.At(type, "A dataType in a syntax has neither ref nor base.");
            facets.Take(type);
            baseType = ResolveDataType(dataTypeName, facets, type, ref list);
        }
        else
        {
            baseType = type.Name.LocalName;
            facets.Take(type);
        }

        // Every kind of default counts: type="parameter" is the schema's ArgumentDefaultType, the value a command argument
        // takes when not supplied. bbfreport writes an argument's type="object" default as type="parameter" in the
        // flattened files, so dropping either kind would make the two forms of one model disagree.
        var defaultValue = (string?)syntax.Element("default")?.Attribute("value");
        return facets.ToSyntax(baseType, dataTypeName, list, defaultValue);
    }

    // Walks the data type's base chain, filling facets the nearer levels left open; returns the built-in type underneath.
    private string ResolveDataType(string name, Facets facets, XElement user, ref XElement? list)
    {
        var current = name;
        for (var depth = 0; depth < MaxChain; depth++)
        {
            if (_dataType(current) is not { } definition)
            {
                throw Tr181FormatException.At(user, $"The data type '{current}' is not defined in this document or its imports.");
            }

            list ??= definition.Element("list");
            facets.Take(definition);
            if (definition.Elements().FirstOrDefault(e => BuiltInTypes.Contains(e.Name.LocalName)) is { } builtIn)
            {
                facets.Take(builtIn);
                return builtIn.Name.LocalName;
            }

            if (definition.Elements("dataType").FirstOrDefault() is { } inner && (string?)inner.Attribute("ref") is { } innerRef)
            {
                facets.Take(inner);
                current = innerRef;
                continue;
            }

            current = (string?)definition.Attribute("base")
                      ?? throw Tr181FormatException.At(definition, $"The data type '{current}' has neither a type nor a base.");
        }

        throw Tr181FormatException.At(user, $"The data type '{name}' has a base chain longer than {MaxChain}.");
    }

    /// <summary>Facets gathered from the nearest level outwards: a facet already set is not replaced.</summary>
    private sealed class Facets
    {
        private int? _minLength;
        private int? _maxLength;
        private List<Tr181Range>? _ranges;
        private List<string>? _enumerations;
        private List<string>? _patterns;
        private string? _units;
        private string? _reference;

        public void Take(XElement level)
        {
            if (level.Elements("size").ToList() is { Count: > 0 } sizes && _minLength is null && _maxLength is null)
            {
                _minLength = sizes.Select(s => Int(s, "minLength")).Where(v => v is not null).Min();
                _maxLength = sizes.Select(s => Int(s, "maxLength")).Where(v => v is not null).Max();
            }

            if (_ranges is null && level.Elements("range").ToList() is { Count: > 0 } ranges)
            {
                _ranges = ranges.Select(r => new Tr181Range(Dec(r, "minInclusive"), Dec(r, "maxInclusive"), Dec(r, "step") ?? 1)).ToList();
            }

            if (_enumerations is null && level.Elements("enumeration").ToList() is { Count: > 0 } values)
            {
                _enumerations = values.Select(v => (string?)v.Attribute("value") ?? "").ToList();
            }

            if (_patterns is null && level.Elements("pattern").ToList() is { Count: > 0 } patterns)
            {
                _patterns = patterns.Select(p => (string?)p.Attribute("value") ?? "").ToList();
            }

            _units ??= (string?)level.Element("units")?.Attribute("value");
            _reference ??= level.Element("pathRef") is not null ? "pathRef"
                : level.Element("instanceRef") is not null ? "instanceRef"
                : level.Element("enumerationRef") is not null ? "enumerationRef"
                : null;
        }

        public Tr181Syntax ToSyntax(string baseType, string? dataType, XElement? list, string? defaultValue)
        {
            var listSize = list?.Element("size");
            return new Tr181Syntax
            {
                BaseType = baseType,
                DataType = dataType,
                IsList = list is not null,
                ListMinItems = list is null ? null : Int(list, "minItems"),
                ListMaxItems = list is null ? null : (string?)list.Attribute("maxItems") == "unbounded" ? null : Int(list, "maxItems"),
                ListMaxLength = listSize is null ? null : Int(listSize, "maxLength"),
                MinLength = _minLength,
                MaxLength = _maxLength,
                Ranges = _ranges ?? [],
                Enumerations = _enumerations ?? [],
                Patterns = _patterns ?? [],
                Units = _units,
                Default = defaultValue,
                Reference = _reference,
            };
        }

        private static int? Int(XElement element, string attribute) =>
            (string?)element.Attribute(attribute) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

        private static decimal? Dec(XElement element, string attribute) =>
            (string?)element.Attribute(attribute) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
