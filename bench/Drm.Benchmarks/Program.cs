using Drm.Benchmarks;

// `walk …`, `serve …`, `jobs …`, `mib …`, `mib-library …` and `tr181 …` are the network, engine, MIB parser, MIB library and TR-181 catalog benchmarks; anything else goes to BenchmarkDotNet (codec micro-benchmarks).
return args.FirstOrDefault() switch
{
    "walk" => await WalkBenchmark.RunAsync(args[1..]),
    "serve" => await WalkBenchmark.ServeAsync(args[1..]),
    "jobs" => await JobsBenchmark.RunAsync(args[1..]),
    "mib" => await MibBenchmark.RunAsync(args[1..]),
    "mib-library" => await MibLibraryBenchmark.RunAsync(args[1..]),
    "tr181" => await Tr181Benchmark.RunAsync(args[1..]),
    _ => RunMicroBenchmarks(args),
};

static int RunMicroBenchmarks(string[] args)
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(BerDecodeBenchmarks).Assembly).Run(args);
    return 0;
}
