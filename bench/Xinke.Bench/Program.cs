using BenchmarkDotNet.Running;
using Xinke.Bench;

// `import-sheet FILE ROWS TYPE DEPARTMENT` writes the inventory scripts/bench imports;
// otherwise `--filter '*'` runs every benchmark and `--job short` gives a quick, rougher run.
if (args.Length > 0 && args[0] == ImportSheet.Command)
{
    return await ImportSheet.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(CursorBenchmarks).Assembly).Run(args);
return 0;
