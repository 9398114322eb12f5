using Xinke.Data;

namespace Xinke.Tests.Kernel.Probes;

/// <summary>
/// A test-only record kind that exercises the kernel's conventions (codes, paging, versions,
/// exports) through the real pipeline before any module owns such a record.
/// </summary>
public sealed class Probe : IVersioned
{
    public long Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public int Rank { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Stands for any secret a record may hold: it must never reach the audit trail.</summary>
    [Xinke.Kernel.Audit.Secret]
    public string? Token { get; set; }

    public long Version { get; set; }
}

public sealed record ProbeDto(long Id, string Code, string Name, int Rank, DateTime CreatedAt, long Version)
{
    public static ProbeDto From(Probe probe) => new(probe.Id, probe.Code, probe.Name, probe.Rank, probe.CreatedAt, probe.Version);
}

public sealed record ProbeInput(string Name, int Rank);

public sealed record ProbePatch(string? Name);

public sealed record ProbeCodeInput(string Code, string Name);
