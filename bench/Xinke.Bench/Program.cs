using BenchmarkDotNet.Running;
using Xinke.Bench;

// `--filter '*'` runs every benchmark; `--job short` gives a quick, rougher run.
BenchmarkSwitcher.FromAssembly(typeof(CursorBenchmarks).Assembly).Run(args);
