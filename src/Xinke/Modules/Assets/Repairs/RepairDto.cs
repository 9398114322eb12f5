namespace Xinke.Modules.Assets.Repairs;

public sealed record RepairDto(
    long Id, long AssetId, string Fault, string Kind, string? VendorName, string? VendorEngineer, IReadOnlyList<string> Parts, decimal? Cost,
    DateTime StartedAt, DateTime? FinishedAt, string? Notes, long RecordedById, long? LoanId, long Version)
{
    public static RepairDto From(AssetRepair r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.AssetId, r.Fault, r.Kind.ToString(), r.VendorName, r.VendorEngineer, r.Parts, r.Cost, r.StartedAt, r.FinishedAt, r.Notes, r.RecordedById, r.LoanId, r.Version);
    }
}
