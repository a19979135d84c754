using System.Diagnostics;
using System.Text;
using Drm.Mib.Smi;

namespace Drm.Mib.Tests.Smi;

/// <summary>Mutated and hostile MIB texts never crash or hang the parser or the tree.</summary>
public sealed class MibFuzzTests
{
    // A hang runs for ever; inputs parse in milliseconds. The bound leaves room for a 2-core CI machine whose other
    // test classes hold the processor.
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(5);

    private static readonly string[] Keywords = ["BEGIN", "END", "OBJECT-TYPE", "MACRO", "IMPORTS", "SEQUENCE OF", "DEFINITIONS ::=", "'FF'H"];

    [Fact]
    public void MutatedCorpusTexts_ParseAndResolveWithoutThrowing_EachWithinItsTimeBound()
    {
        var samples = MibCorpus.Get().ModulesByFile.Keys
            .Where(f => new FileInfo(f).Length < 60_000)
            .Where((_, i) => i % 25 == 0)
            .Select(File.ReadAllText)
            .ToArray();
        samples.Length.ShouldBeGreaterThan(20);
        var random = new Random(20261128);
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 1_500; i++)
        {
            var text = Mutate(samples[i % samples.Length], random);
            var clock = Stopwatch.StartNew();
            var diagnostics = new List<MibDiagnostic>();
            var modules = MibParser.Parse(text, $"mutant-{i}", diagnostics);
            var tree = MibTree.Build(modules);
            var formatter = new MibFormatter(tree);
            foreach (var node in tree.Nodes.Take(50))
            {
                formatter.Name([.. node.Oid, 1, 2, 3]).ShouldNotBeNull();
            }

            clock.Elapsed.ShouldBeLessThan(PerInput, $"mutant {i}");
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
        }
    }

    [Theory]
    [InlineData("nested sequence")]
    // Written child first, so resolving the first definition recurses through all 5,000 parents.
    [InlineData("long oid chain")]
    [InlineData("unclosed brace")]
    [InlineData("unclosed string")]
    [InlineData("binary noise")]
    public void HostileTexts_EndInDiagnostics_NotCrashes(string kind)
    {
        var text = kind switch
        {
            "nested sequence" => "M DEFINITIONS ::= BEGIN\nT ::= " + string.Concat(Enumerable.Repeat("SEQUENCE OF ", 100_000)) + "INTEGER\nEND",
            "long oid chain" => "M DEFINITIONS ::= BEGIN\nIMPORTS enterprises FROM SNMPv2-SMI;\nn0 OBJECT IDENTIFIER ::= { enterprises 1 }\n" +
                                string.Concat(Enumerable.Range(1, 5_000).Reverse().Select(i => $"n{i} OBJECT IDENTIFIER ::= {{ n{i - 1} 1 }}\n")) + "END",
            "unclosed brace" => "M DEFINITIONS ::= BEGIN\nx OBJECT IDENTIFIER ::= { enterprises " + new string('{', 50_000) + "\nEND",
            "unclosed string" => "M DEFINITIONS ::= BEGIN\nx OBJECT-TYPE DESCRIPTION \"never closed",
            _ => Encoding.Latin1.GetString(Enumerable.Range(0, 200_000).Select(i => (byte)((i * 7919) % 251)).ToArray()),
        };
        var clock = Stopwatch.StartNew();
        var diagnostics = new List<MibDiagnostic>();
        var modules = MibParser.Parse(text, kind, diagnostics);
        var tree = MibTree.Build(modules);

        clock.Elapsed.ShouldBeLessThan(PerInput);
        diagnostics.Concat(modules.SelectMany(m => m.Diagnostics)).Concat(tree.Diagnostics)
            .ShouldContain(d => d.Severity == MibSeverity.Error);
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        for (var edits = random.Next(1, 8); edits > 0 && builder.Length > 10; edits--)
        {
            var at = random.Next(builder.Length);
            var length = Math.Min(random.Next(1, 40), builder.Length - at);
            switch (random.Next(6))
            {
                case 0:
                    builder.Remove(at, length);
                    break;
                case 1:
                    builder.Insert(at, builder.ToString(random.Next(builder.Length - length), length));
                    break;
                case 2:
                    builder.Insert(at, "{}()\"'::=..--,;|"[random.Next(16)]);
                    break;
                case 3:
                    builder[at] = (char)random.Next(0, 0x3000);
                    break;
                case 4:
                    builder.Insert(at, Keywords[random.Next(Keywords.Length)]);
                    break;
                default:
                    builder.Length = at;
                    break;
            }
        }

        return builder.ToString();
    }
}
