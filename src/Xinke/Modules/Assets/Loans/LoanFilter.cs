namespace Xinke.Modules.Assets.Loans;

/// <summary>The loans list's filters: open or closed, overdue, one borrower (a person), one department or one asset.</summary>
public sealed record LoanFilter(bool? Open = null, bool? Overdue = null, long? Borrower = null, long? DepartmentId = null, long? AssetId = null);
