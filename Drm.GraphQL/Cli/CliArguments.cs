namespace Drm.GraphQL.Cli;

/// <summary>Parses <c>--name value</c> options and bare positionals; <c>--flag</c> without a value is "true".</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    public CliArguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = list[i][2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    _options[name[..eq]] = name[(eq + 1)..];
                }
                else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    _options[name] = list[++i];
                }
                else
                {
                    _options[name] = "true";
                }
            }
            else
            {
                _positionals.Add(list[i]);
            }
        }
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public bool Has(string name) => _options.ContainsKey(name);

    public string Required(string name) =>
        Get(name) is { Length: > 0 } value && value != "true" ? value : throw new CliException($"--{name} is required.");
}
