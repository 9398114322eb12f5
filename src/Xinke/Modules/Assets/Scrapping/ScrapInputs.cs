namespace Xinke.Modules.Assets.Scrapping;

/// <summary>An appraisal as submitted: findings and a recommendation (<c>scrap</c>, <c>repair</c> or <c>keep</c>).</summary>
public sealed record AppraisalInput(string? Findings, string? Recommendation);

/// <summary>Starting a scrapping: why, and which appraisal it rests on (the latest of the asset when none is named).</summary>
public sealed record ScrapStartInput(string? Reason, long? AppraisalId);

/// <summary>How the data on the device was destroyed, by whom and when, with the certificate's attachment id.</summary>
public sealed record DataDestructionInput(string? Method, string? By, DateTimeOffset? At, long? CertificateAttachmentId);

/// <summary>Completing an approved scrapping.</summary>
public sealed record ScrapCompletion(string? DisposalMethod, DataDestructionInput? DataDestruction);
