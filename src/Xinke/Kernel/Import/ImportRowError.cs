namespace Xinke.Kernel.Import;

/// <summary>Why a row was rejected: its row number as the spreadsheet shows it (the header is row 1), the column, a stable code and the message.</summary>
public sealed record ImportRowError(int Row, string? Column, string Code, string Message);
