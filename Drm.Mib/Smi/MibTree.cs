namespace Drm.Mib.Smi;

/// <summary>
/// The OID tree of a set of modules: imports resolved across them (the core SMI modules are known without files),
/// each definition's OID computed, and every named node indexed by OID and by name. Modules whose imports are missing
/// still give every node that does not depend on what is missing, and <see cref="UnresolvedImports"/> names what is.
/// </summary>
public sealed class MibTree
{
    private static readonly Dictionary<string, uint> Roots = new() { ["ccitt"] = 0, ["iso"] = 1, ["joint-iso-ccitt"] = 2 };

    /// <summary>Types a syntax comes down to; resolution stops at them.</summary>
    private static readonly HashSet<string> BaseTypes =
    [
        "INTEGER", "OCTET STRING", "OBJECT IDENTIFIER", "BITS", "Integer32", "Unsigned32", "Counter32", "Gauge32",
        "TimeTicks", "Counter64", "IpAddress", "Opaque", "Counter", "Gauge", "NetworkAddress", "SEQUENCE", "SEQUENCE OF",
        "CHOICE", "NULL",
    ];

    // Each parent in a chain of OID definitions is one level of recursion; real MIBs nest about twenty deep.
    private const int MaxChainDepth = 256;

    private readonly Dictionary<string, MibModule> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<MibDefinition, uint[]?> _oids = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<MibDefinition> _resolving = new(ReferenceEqualityComparer.Instance);
    private readonly List<MibNode> _nodes = [];
    private readonly Dictionary<string, MibNode> _byFullName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<MibNode>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<uint[], List<MibNode>> _byOid = new(Oids.OidArcsComparer.Instance);
    private readonly Dictionary<(MibModule Module, string Type), (IReadOnlyList<MibTypeDefinition> Conventions, string? BaseType)> _typeChains = [];
    private readonly List<MibUnresolvedImport> _unresolved = [];
    private readonly List<MibDiagnostic> _diagnostics = [];
    private readonly HashSet<(string Module, string Name)> _warnedFallbacks = [];
    private readonly Dictionary<MibModule, Scope> _scopes = [];

    private MibTree()
    {
    }

    public IReadOnlyList<MibNode> Nodes => _nodes;

    public IReadOnlyCollection<MibModule> Modules => _modules.Values;

    /// <summary>What resolution found wrong: parents that are not defined or imported, symbols used without import.</summary>
    public IReadOnlyList<MibDiagnostic> Diagnostics => _diagnostics;

    public IReadOnlyList<MibUnresolvedImport> UnresolvedImports => _unresolved;

    /// <summary>Builds the tree. When two modules share a name the later one is used (a tenant's over a global one).</summary>
    public static MibTree Build(IEnumerable<MibModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var tree = new MibTree();
        foreach (var module in CoreModules.Load())
        {
            tree._modules[module.Name] = module;
        }

        foreach (var module in modules)
        {
            tree._modules[module.Name] = module;
        }

        tree.Resolve();
        return tree;
    }

    public MibModule? Module(string name) => _modules.GetValueOrDefault(name);

    public MibNode? Find(string module, string name) => _byFullName.GetValueOrDefault($"{module}::{name}");

    /// <summary>Every node of that name, in module order (names are unique only within a module).</summary>
    public IReadOnlyList<MibNode> FindByName(string name) => _byName.TryGetValue(name, out var nodes) ? nodes : [];

    /// <summary>
    /// The node defined at exactly this OID. When several modules define it (RFC1213-MIB and SNMPv2-MIB both define
    /// sysName) an SMIv2 module's node is preferred, as net-snmp does; among equals, the first loaded.
    /// </summary>
    public MibNode? FindByOid(ReadOnlySpan<uint> oid)
    {
        if (!_byOid.GetAlternateLookup<ReadOnlySpan<uint>>().TryGetValue(oid, out var nodes))
        {
            return null;
        }

        return nodes.Count == 1 ? nodes[0] : nodes.FirstOrDefault(n => _modules[n.Module].IsSmiV2) ?? nodes[0];
    }

    /// <summary>The deepest named node at or above <paramref name="oid"/>, and the arcs below it (the instance).</summary>
    public (MibNode Node, uint[] Instance)? FindLongestPrefix(ReadOnlySpan<uint> oid)
    {
        for (var length = oid.Length; length > 0; length--)
        {
            if (FindByOid(oid[..length]) is { } node)
            {
                return (node, oid[length..].ToArray());
            }
        }

        return null;
    }

    // A module's definitions, types and imports by name: resolution looks names up millions of times on a corpus.
    private sealed class Scope(MibModule module)
    {
        public Dictionary<string, MibDefinition> Values { get; } = module.Definitions.DistinctBy(d => d.Name).ToDictionary(d => d.Name, StringComparer.Ordinal);

        public Dictionary<string, MibTypeDefinition> Types { get; } = module.Types.DistinctBy(t => t.Name).ToDictionary(t => t.Name, StringComparer.Ordinal);

        public HashSet<string> Macros { get; } = new(module.Macros, StringComparer.Ordinal);

        public Dictionary<string, List<string>> ImportedFrom { get; } = module.Imports
            .SelectMany(i => i.Symbols.Select(s => (Symbol: s, i.Module)))
            .GroupBy(p => p.Symbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Module).ToList(), StringComparer.Ordinal);
    }

    private Scope ScopeOf(MibModule module)
    {
        if (!_scopes.TryGetValue(module, out var scope))
        {
            _scopes[module] = scope = new Scope(module);
        }

        return scope;
    }

    private void Resolve()
    {
        foreach (var module in _modules.Values)
        {
            foreach (var import in module.Imports)
            {
                if (!_modules.TryGetValue(import.Module, out var source))
                {
                    _unresolved.AddRange(import.Symbols.Select(s => new MibUnresolvedImport(module.Name, import.Module, s, true, import.Line, import.Column)));
                    continue;
                }

                foreach (var symbol in import.Symbols.Where(s => !Defines(source, s)))
                {
                    _unresolved.Add(new MibUnresolvedImport(module.Name, import.Module, symbol, false, import.Line, import.Column));
                }
            }
        }

        var rows = new HashSet<uint[]>(Oids.OidArcsComparer.Instance);
        var pending = new List<(MibModule Module, MibDefinition Definition, uint[] Oid)>();
        foreach (var module in _modules.Values)
        {
            // Within a module the first name given to an OID wins, as in libsmi and net-snmp; "name(number)" parts of
            // OID values name nodes too ("{ iso std(0) iso8802(8802) }" names std and iso8802).
            var taken = new Dictionary<uint[], MibDefinition>(Oids.OidArcsComparer.Instance);
            var named = new HashSet<string>(ScopeOf(module).Values.Keys, StringComparer.Ordinal);
            foreach (var definition in module.Definitions)
            {
                if (OidOf(module, definition.Name) is not { } oid)
                {
                    continue;
                }

                var firstArc = oid.Length - (definition.Value.Count - 1);
                for (var i = 0; i < definition.Value.Count; i++)
                {
                    if (definition.Value[i] is { Name: { } implicitName, Number: not null } && named.Add(implicitName))
                    {
                        var prefix = oid[..(firstArc + i)];
                        var implicitDefinition = new MibDefinition
                        {
                            Name = implicitName, Macro = "OBJECT IDENTIFIER", Line = definition.Line, Column = definition.Column,
                            Value = [new(null, prefix[^1])],
                        };
                        if (taken.TryAdd(prefix, implicitDefinition))
                        {
                            pending.Add((module, implicitDefinition, prefix));
                        }
                    }
                }

                if (!taken.TryAdd(oid, definition))
                {
                    _diagnostics.Add(new(MibSeverity.Warning, module.Name, definition.Line, definition.Column,
                        $"'{definition.Name}' has the OID of '{taken[oid].Name}' ({string.Join('.', oid)}); the first name is kept."));
                    continue;
                }

                pending.Add((module, definition, oid));
                if (definition.Macro == "OBJECT-TYPE" && IsRow(module, definition))
                {
                    rows.Add(oid);
                }
            }
        }

        foreach (var (module, definition, oid) in pending)
        {
            var (conventions, baseType) = definition.Syntax is { } syntax ? TypeChain(module, syntax) : ([], null);
            var node = new MibNode
            {
                Module = module.Name,
                Name = definition.Name,
                Oid = oid,
                Kind = KindOf(module, definition, oid, rows),
                Definition = definition,
                TextualConventions = conventions,
                BaseType = baseType,
            };
            _nodes.Add(node);
            _byFullName[node.FullName] = node;
            Add(_byName, node.Name, node);
            Add(_byOid, node.Oid, node);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<MibNode>> index, TKey key, MibNode node)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(node);
    }

    private bool Defines(MibModule module, string symbol)
    {
        var scope = ScopeOf(module);
        return scope.Values.ContainsKey(symbol) || scope.Types.ContainsKey(symbol) || scope.Macros.Contains(symbol);
    }

    private MibNodeKind KindOf(MibModule module, MibDefinition definition, uint[] oid, HashSet<uint[]> rows) => definition.Macro switch
    {
        "OBJECT-TYPE" when definition.Syntax?.IsSequenceOf == true => MibNodeKind.Table,
        "OBJECT-TYPE" when IsRow(module, definition) => MibNodeKind.Row,
        "OBJECT-TYPE" when oid.Length > 1 && rows.GetAlternateLookup<ReadOnlySpan<uint>>().Contains(oid.AsSpan(0, oid.Length - 1)) => MibNodeKind.Column,
        "OBJECT-TYPE" => MibNodeKind.Scalar,
        "NOTIFICATION-TYPE" or "TRAP-TYPE" => MibNodeKind.Notification,
        "OBJECT-GROUP" or "NOTIFICATION-GROUP" => MibNodeKind.Group,
        "MODULE-COMPLIANCE" => MibNodeKind.Compliance,
        "AGENT-CAPABILITIES" => MibNodeKind.Capabilities,
        _ => MibNodeKind.Node,
    };

    private bool IsRow(MibModule module, MibDefinition definition) =>
        definition.Index.Count > 0 || definition.Augments is not null ||
        (definition.Syntax is { } syntax && (syntax.IsSequence || TypeChain(module, syntax).BaseType == "SEQUENCE"));

    /// <summary>The OID of <paramref name="name"/> as seen from <paramref name="module"/>; null (with a diagnostic) when it cannot be resolved.</summary>
    private uint[]? OidOf(MibModule module, string name)
    {
        if (!ScopeOf(module).Values.TryGetValue(name, out var definition))
        {
            return null;
        }

        if (_oids.TryGetValue(definition, out var known))
        {
            return known;
        }

        if (_resolving.Count >= MaxChainDepth)
        {
            _diagnostics.Add(new(MibSeverity.Error, module.Name, definition.Line, definition.Column,
                $"The OID of '{name}' hangs below a chain of more than {MaxChainDepth} definitions; it is not resolved."));
            return null;
        }

        if (!_resolving.Add(definition))
        {
            _diagnostics.Add(new(MibSeverity.Error, module.Name, definition.Line, definition.Column, $"The OID of '{name}' depends on itself."));
            return _oids[definition] = null;
        }

        var value = definition.Value;
        var first = value[0];
        uint[]? head = null;
        if (first.Number is { } number && (first.Name is null || Roots.ContainsKey(first.Name) || value.Count > 1))
        {
            // "{ 1 3 6 }", "{ iso(1) org(3) }": a number fixes the arc whatever the name.
            head = [number];
        }
        else if (first.Name is { } parent)
        {
            head = Lookup(module, parent, definition);
        }

        uint[]? result = null;
        if (head is not null)
        {
            result = new uint[head.Length + value.Count - 1];
            head.CopyTo(result, 0);
            for (var i = 1; i < value.Count; i++)
            {
                if (value[i].Number is not { } arc)
                {
                    _diagnostics.Add(new(MibSeverity.Error, module.Name, definition.Line, definition.Column,
                        $"'{value[i].Name}' inside the OID value of '{name}' has no number."));
                    result = null;
                    break;
                }

                result[head.Length + i - 1] = arc;
            }
        }

        _resolving.Remove(definition);
        return _oids[definition] = result;
    }

    // A name used as an OID parent: defined here, imported, one of ASN.1's roots, or (leniently) a core SMI name.
    private uint[]? Lookup(MibModule module, string name, MibDefinition user)
    {
        if (Roots.TryGetValue(name, out var root))
        {
            return [root];
        }

        var scope = ScopeOf(module);
        if (scope.Values.ContainsKey(name))
        {
            return OidOf(module, name);
        }

        if (scope.ImportedFrom.TryGetValue(name, out var sources))
        {
            foreach (var sourceName in sources)
            {
                if (_modules.TryGetValue(sourceName, out var source) && FindDefinition(source, name, []) is { } owner)
                {
                    return OidOf(owner, name);
                }
            }

            // The import is missing (reported with the unresolved imports); the node cannot be placed.
            return null;
        }

        foreach (var core in CoreModules.Names)
        {
            if (_modules.TryGetValue(core, out var coreModule) && ScopeOf(coreModule).Values.ContainsKey(name))
            {
                if (_warnedFallbacks.Add((module.Name, name)))
                {
                    _diagnostics.Add(new(MibSeverity.Warning, module.Name, user.Line, user.Column,
                        $"'{name}' is used without being imported; taken from {core}."));
                }

                return OidOf(coreModule, name);
            }
        }

        _diagnostics.Add(new(MibSeverity.Error, module.Name, user.Line, user.Column,
            $"'{name}', the parent of '{user.Name}', is neither defined nor imported."));
        return null;
    }

    // The module that defines a value imported from "source": the source itself, or (leniently) one it imports from.
    private MibModule? FindDefinition(MibModule source, string name, HashSet<string> visited)
    {
        if (!visited.Add(source.Name))
        {
            return null;
        }

        var scope = ScopeOf(source);
        if (scope.Values.ContainsKey(name))
        {
            return source;
        }

        foreach (var nextName in scope.ImportedFrom.GetValueOrDefault(name) ?? [])
        {
            if (_modules.TryGetValue(nextName, out var next) && FindDefinition(next, name, visited) is { } owner)
            {
                return owner;
            }
        }

        return null;
    }

    /// <summary>The textual conventions and named types a syntax goes through, and the base type it ends at.</summary>
    private (IReadOnlyList<MibTypeDefinition> Conventions, string? BaseType) TypeChain(MibModule module, MibSyntax syntax)
    {
        if (BaseTypes.Contains(syntax.Name))
        {
            return ([], syntax.Name);
        }

        if (!_typeChains.TryGetValue((module, syntax.Name), out var known))
        {
            _typeChains[(module, syntax.Name)] = known = ResolveTypeChain(module, syntax);
        }

        return known;
    }

    private (IReadOnlyList<MibTypeDefinition> Conventions, string? BaseType) ResolveTypeChain(MibModule module, MibSyntax syntax)
    {
        var chain = new List<MibTypeDefinition>();
        var (current, scope) = (syntax, module);
        for (var depth = 0; depth < 16; depth++)
        {
            if (BaseTypes.Contains(current.Name))
            {
                return (chain, current.Name);
            }

            if (FindType(scope, current.Name, []) is not { } found)
            {
                return (chain, null);
            }

            chain.Add(found.Type);
            (current, scope) = (found.Type.Syntax, found.Module);
        }

        return (chain, null);
    }

    private (MibModule Module, MibTypeDefinition Type)? FindType(MibModule module, string name, HashSet<string> visited)
    {
        if (!visited.Add(module.Name))
        {
            return null;
        }

        var scope = ScopeOf(module);
        if (scope.Types.TryGetValue(name, out var local))
        {
            return (module, local);
        }

        foreach (var sourceName in scope.ImportedFrom.GetValueOrDefault(name) ?? [])
        {
            if (_modules.TryGetValue(sourceName, out var source) && FindType(source, name, visited) is { } found)
            {
                return found;
            }
        }

        foreach (var core in CoreModules.Names)
        {
            if (_modules.TryGetValue(core, out var coreModule) && ScopeOf(coreModule).Types.TryGetValue(name, out var type))
            {
                return (coreModule, type);
            }
        }

        return null;
    }
}
