using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Drm.Mib.Tr181;

namespace Drm.Mib.Tests.Tr181;

/// <summary>
/// Lists how two catalogs of the same model differ, keyed by path: what only one has, and for what both have, each
/// property whose value differs. Command and event arguments are compared as items of their own, so a difference
/// names the argument rather than the whole command.
/// </summary>
internal static class Tr181CatalogComparison
{
    private const int Shown = 25;

    public static string Differences(Tr181Model expected, Tr181Model actual, Func<string, string, bool>? ignore = null)
    {
        var report = new StringBuilder();
        var left = Items(expected);
        var right = Items(actual);
        foreach (var kind in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            Compare(report, kind, left.GetValueOrDefault(kind) ?? [], right.GetValueOrDefault(kind) ?? [], ignore ?? ((_, _) => false));
        }

        return report.ToString();
    }

    // Every item as a JSON object by kind and path; descriptions are left out (see the test for why).
    private static Dictionary<string, Dictionary<string, JsonObject>> Items(Tr181Model model)
    {
        var items = new Dictionary<string, Dictionary<string, JsonObject>>(StringComparer.Ordinal);
        void Add(string kind, string path, object item)
        {
            var json = JsonSerializer.SerializeToNode(item)!.AsObject();
            json.Remove("Description");
            if (!items.TryGetValue(kind, out var byPath))
            {
                items[kind] = byPath = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            }

            byPath[path] = json;
        }

        foreach (var o in model.Objects)
        {
            Add("object", o.Path, o);
        }

        foreach (var p in model.Parameters)
        {
            Add("parameter", p.Path, p);
        }

        foreach (var c in model.Commands)
        {
            Add("command", c.Path, new { c.IsAsync, c.Status, c.Version, Input = c.Input.Select(a => a.Path), Output = c.Output.Select(a => a.Path) });
            foreach (var a in c.Input)
            {
                Add("command input", a.Path, a);
            }

            foreach (var a in c.Output)
            {
                Add("command output", a.Path, a);
            }
        }

        foreach (var e in model.Events)
        {
            Add("event", e.Path, new { e.Status, e.Version, Arguments = e.Arguments.Select(a => a.Path) });
            foreach (var a in e.Arguments)
            {
                Add("event argument", a.Path, a);
            }
        }

        return items;
    }

    private static void Compare(StringBuilder report, string kind, Dictionary<string, JsonObject> expected, Dictionary<string, JsonObject> actual,
        Func<string, string, bool> ignore)
    {
        var missing = expected.Keys.Where(k => !actual.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Keys.Where(k => !expected.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            report.AppendLine($"{missing.Count} {kind}(s) only in the flattened model: {string.Join(", ", missing.Take(Shown))}");
        }

        if (extra.Count > 0)
        {
            report.AppendLine($"{extra.Count} {kind}(s) only in the component model: {string.Join(", ", extra.Take(Shown))}");
        }

        var differences = new List<string>();
        foreach (var (path, left) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!actual.TryGetValue(path, out var right))
            {
                continue;
            }

            foreach (var (name, value) in left)
            {
                var other = right[name];
                if (!JsonNode.DeepEquals(value, other) && !ignore(kind, name))
                {
                    differences.Add($"  {path} {name}: flattened {value?.ToJsonString() ?? "null"}, component {other?.ToJsonString() ?? "null"}");
                }
            }
        }

        if (differences.Count > 0)
        {
            report.AppendLine($"{differences.Count} {kind} propert(ies) differ:");
            foreach (var line in differences.Take(Shown))
            {
                report.AppendLine(line);
            }
        }
    }
}
