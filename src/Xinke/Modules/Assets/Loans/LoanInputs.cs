namespace Xinke.Modules.Assets.Loans;

/// <summary>A check-out: to whom, until when, in what condition and with which accessories.</summary>
public sealed record LoanInput(long? BorrowerPersonId, DateTimeOffset? Due, string? Condition, string? Accessories);

/// <summary>A return's inspection: every answer is required (EQ-03); notes say what is damaged.</summary>
public sealed record ReturnInput(string? Condition, bool? AccessoriesComplete, bool? DataWiped, bool? Damaged, string? Notes);

/// <summary>A reservation of a device for a window [from, until); the person defaults to the caller.</summary>
public sealed record ReservationInput(long? PersonId, DateTimeOffset? From, DateTimeOffset? Until, string? Purpose);
