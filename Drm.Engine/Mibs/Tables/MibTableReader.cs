using Drm.Engine.Jobs;
using Drm.Engine.Tenancy;
using Drm.Mib.Oids;
using Drm.Mib.Smi;

namespace Drm.Engine.Mibs.Tables;

/// <summary>
/// Shows a table a job walked the way MIB browsers do: one row per instance, the instance decoded into its INDEX
/// objects, one named column per columnar object of the table, using the caller's MIBs and the global ones.
/// </summary>
public sealed class MibTableReader(JobService jobs, MibCatalog catalog)
{
    public const int DefaultRows = 100;
    public const int MaxRows = 1_000;

    /// <summary>Cells read for one table at most; a bigger walk is paged through <c>results(oidPrefix:)</c> instead.</summary>
    public const int MaxCells = 200_000;

    public async Task<MibTable> ReadAsync(
        TenantContext caller, Guid jobId, string table, int first, string? after, CancellationToken cancellationToken)
    {
        if (first is < 0 or > MaxRows)
        {
            throw DrmException.BadInput($"'first' must be between 0 and {MaxRows}.");
        }

        uint[]? afterInstance = null;
        if (after is not null && !OidText.TryParse(after, out afterInstance))
        {
            throw DrmException.BadInput("'after' must be the instance of a row (its 'instance' field).");
        }

        var naming = await catalog.ForTenantAsync(caller, cancellationToken).ConfigureAwait(false);
        var formatter = naming.Formatter;
        var (tableNode, row) = FindTable(formatter, table);
        var columns = formatter.Tree.Nodes
            .Where(n => n.Kind == MibNodeKind.Column && n.Oid.Length == row.Oid.Length + 1 && n.Oid.AsSpan().StartsWith(row.Oid))
            .DistinctBy(n => n.Oid[^1])
            .OrderBy(n => n.Oid[^1])
            .ToList();

        var cells = await jobs.ResultsUnderAsync(caller, jobId, row.OidText, MaxCells, cancellationToken).ConfigureAwait(false);
        if (cells.Count > MaxCells)
        {
            throw DrmException.BadInput($"The job holds more than {MaxCells:N0} values of {tableNode.FullName}; page through results(oidPrefix:) instead.");
        }

        var rows = new SortedDictionary<uint[], MibTableCell?[]>(OidArcsComparer.Instance);
        foreach (var cell in cells)
        {
            if (!OidText.TryParse(cell.Oid, out var arcs) || arcs.Length <= row.Oid.Length + 1)
            {
                continue;
            }

            var column = columns.FindIndex(c => c.Oid[^1] == arcs[row.Oid.Length]);
            if (column < 0)
            {
                continue; // a column this MIB version does not define
            }

            var instance = arcs[(row.Oid.Length + 1)..];
            if (!rows.TryGetValue(instance, out var line))
            {
                rows[instance] = line = new MibTableCell?[columns.Count];
            }

            line[column] = new MibTableCell(columns[column].Name, cell.Oid, cell.Type, cell.Value, naming.DisplayValueOf(cell.Oid, cell.Type, cell.Value));
        }

        var page = rows
            .Where(r => afterInstance is null || OidArcsComparer.Instance.Compare(r.Key, afterInstance) > 0)
            .Take(first + 1)
            .Select(r => new MibTableRow(string.Join('.', r.Key), DecodeIndex(formatter, columns, r.Key), r.Value))
            .ToList();
        var hasNext = page.Count > first;
        if (hasNext)
        {
            page.RemoveAt(page.Count - 1);
        }

        return new MibTable(
            tableNode.FullName,
            tableNode.OidText,
            row.FullName,
            formatter.IndexOf(row)?.Select(i => i.Name).ToList() ?? [],
            columns.Select(c => new MibTableColumn(c.Name, c.OidText, c.Oid[^1])).ToList(),
            page,
            rows.Count,
            hasNext,
            page.Count > 0 ? page[^1].Instance : null);
    }

    private static (MibNode Table, MibNode Row) FindTable(MibFormatter formatter, string text)
    {
        var arcs = formatter.Resolve(text?.Trim().TrimStart('.') ?? "");
        var node = arcs is null ? null : formatter.Tree.FindByOid(arcs);
        switch (node?.Kind)
        {
            case MibNodeKind.Table:
                var row = formatter.Tree.Nodes.FirstOrDefault(n => n.Kind == MibNodeKind.Row && n.Oid.Length == node.Oid.Length + 1 && n.Oid.AsSpan().StartsWith(node.Oid));
                return row is null ? throw DrmException.BadInput($"{node.FullName} has no row definition in the loaded MIBs.") : (node, row);
            case MibNodeKind.Row:
                var table = formatter.Tree.FindByOid(node.Oid.AsSpan(0, node.Oid.Length - 1));
                return (table ?? node, node);
            case null:
                throw DrmException.BadInput($"'{text}' is not a table your MIBs or the global ones define (give IF-MIB::ifTable or its OID).");
            default:
                throw DrmException.BadInput($"{node.FullName} is a {node.Kind.ToString().ToLowerInvariant()}, not a table.");
        }
    }

    private static List<MibTableIndexValue> DecodeIndex(MibFormatter formatter, List<MibNode> columns, uint[] instance)
    {
        var decoded = columns.Count > 0 ? formatter.DecodeIndex(columns[0], instance) : null;
        return decoded?.Select(p => new MibTableIndexValue(p.Name, p.Text)).ToList() ?? [new MibTableIndexValue("instance", string.Join('.', instance))];
    }
}
