namespace Xinke.Modules.Assets.Register;

/// <summary>The register's list filters: type code, status, owning department, key devices only or not, a place.</summary>
public sealed record AssetFilter(string? Type = null, string? Status = null, long? DepartmentId = null, bool? KeyDevice = null, string? Location = null);
