using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Xinke.Kernel.Data.Paging;

namespace Xinke.Bench;

/// <summary>
/// What a list's opaque cursor costs per page: JSON plus base64url both ways, against the
/// base64 of the same bytes alone.
/// </summary>
[MemoryDiagnoser]
public class CursorBenchmarks
{
    private readonly CursorPosition position = new(
        "assets", "-createdAt", JsonSerializer.SerializeToElement(new DateTime(2026, 3, 2, 0, 30, 0, DateTimeKind.Utc)), 123_456);

    private byte[] bytes = [];

    [GlobalSetup]
    public void Setup() => bytes = JsonSerializer.SerializeToUtf8Bytes(position);

    [Benchmark(Baseline = true)]
    public int Base64_of_the_same_bytes() => Convert.FromBase64String(Convert.ToBase64String(bytes)).Length;

    [Benchmark]
    public long Cursor_encode_and_decode() => CursorPosition.TryDecode(position.Encode(), out var decoded) ? decoded!.Id : -1;
}
