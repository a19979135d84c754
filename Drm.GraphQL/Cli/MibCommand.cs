using Drm.Mib.Oids;
using Drm.Mib.Smi;

namespace Drm.GraphQL.Cli;

/// <summary>
/// <c>drm mib parse PATH… [--tree]</c>: each module's status (ok, warnings, errors with line:column) and, with
/// <c>--tree</c>, <c>MODULE::name OID</c> lines in OID order like <c>snmptranslate -Tz</c>.
/// <c>drm mib translate [-M DIR[:DIR…]] NAME|OID…</c>: a name to its OID or an OID to its name, with the MIBs of
/// <c>-M</c>, else <c>MIB_DIRS</c>, else /usr/share/snmp/mibs.
/// </summary>
public static class MibCommand
{
    public const string DefaultMibDirectory = "/usr/share/snmp/mibs";

    public static int Run(string[] args, TextWriter output, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.FirstOrDefault() switch
        {
            "parse" => Parse(args[1..], output),
            "translate" => Translate(args[1..], output, environment),
            _ => throw new CliException("Usage: drm mib parse PATH... [--tree] | drm mib translate [-M DIRS] NAME|OID..."),
        };
    }

    private static int Parse(string[] args, TextWriter output)
    {
        var tree = args.Contains("--tree");
        var paths = args.Where(a => a != "--tree").ToArray();
        if (paths.Length == 0)
        {
            throw new CliException("drm mib parse needs at least one file or folder.");
        }

        var files = Load(paths);
        var mibTree = MibTree.Build(files.SelectMany(f => f.Modules));
        var failed = false;
        foreach (var file in files)
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                output.WriteLine($"{file.Path}: {diagnostic}");
                failed |= diagnostic.Severity == MibSeverity.Error;
            }

            foreach (var module in file.Modules)
            {
                var resolution = mibTree.Diagnostics.Where(d => d.Module == module.Name).ToList();
                var unresolved = mibTree.Module(module.Name) == module
                    ? mibTree.UnresolvedImports.Where(u => u.Importer == module.Name).ToList()
                    : [];
                var all = module.Diagnostics.Concat(resolution).ToList();
                var errors = all.Count(d => d.Severity == MibSeverity.Error);
                var warnings = all.Count - errors;
                var status = errors > 0 ? $"{errors} error(s)" : warnings > 0 ? $"ok, {warnings} warning(s)" : "ok";
                output.WriteLine($"{module.Name} ({file.Path}): {status}{(unresolved.Count > 0 ? $", {unresolved.Count} unresolved import(s)" : "")}");
                foreach (var diagnostic in all)
                {
                    output.WriteLine($"  {diagnostic.Line}:{diagnostic.Column}: {(diagnostic.Severity == MibSeverity.Error ? "error" : "warning")}: {diagnostic.Message}");
                }

                foreach (var import in unresolved)
                {
                    output.WriteLine($"  {import.Line}:{import.Column}: unresolved: {import.Symbol} FROM {import.Module}" +
                                     (import.ModuleMissing ? " (module not found)" : " (not defined there)"));
                }

                failed |= errors > 0;
            }
        }

        if (tree)
        {
            var given = files.SelectMany(f => f.Modules).ToHashSet();
            foreach (var node in mibTree.Nodes.Where(n => given.Contains(mibTree.Module(n.Module)!)).OrderBy(n => n.Oid, OidComparer.Instance))
            {
                output.WriteLine($"{node.FullName} {node.OidText}");
            }
        }

        return failed ? 1 : 0;
    }

    private static int Translate(string[] args, TextWriter output, Func<string, string?> environment)
    {
        var directories = environment("MIB_DIRS") ?? DefaultMibDirectory;
        var queries = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "-M" && i + 1 < args.Length)
            {
                directories = args[++i];
            }
            else
            {
                queries.Add(args[i]);
            }
        }

        if (queries.Count == 0)
        {
            throw new CliException("drm mib translate needs a name or an OID.");
        }

        var files = Load(directories.Split(':', StringSplitOptions.RemoveEmptyEntries).Where(Directory.Exists).ToArray());
        var formatter = new MibFormatter(MibTree.Build(files.SelectMany(f => f.Modules)));
        var status = 0;
        foreach (var query in queries)
        {
            var numeric = query.TrimStart('.');
            if (numeric.Length > 0 && char.IsAsciiDigit(numeric[0]) && OidText.TryParse(numeric, out var arcs))
            {
                output.WriteLine(formatter.Name(arcs) ?? query);
                continue;
            }

            if (formatter.Resolve(query) is { } oid)
            {
                output.WriteLine(string.Join('.', oid));
                continue;
            }

            Console.Error.WriteLine($"drm mib translate: unknown name '{query}'");
            status = 1;
        }

        return status;
    }

    private static IReadOnlyList<MibFile> Load(string[] paths)
    {
        try
        {
            return MibFile.Load(paths);
        }
        catch (FileNotFoundException e)
        {
            throw new CliException(e.Message);
        }
    }

    private sealed class OidComparer : IComparer<uint[]>
    {
        public static readonly OidComparer Instance = new();

        public int Compare(uint[]? x, uint[]? y) => x.AsSpan().SequenceCompareTo(y.AsSpan());
    }
}
