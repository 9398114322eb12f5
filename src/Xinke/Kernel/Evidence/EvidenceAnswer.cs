namespace Xinke.Kernel.Evidence;

/// <summary>
/// A one-line reason as a resource key and its figures, so the compliance view, the API and an
/// evidence pack each render it in their reader's language.
/// </summary>
public sealed record EvidenceReason(string Key, params object[] Arguments);

/// <summary>A link to the records behind an answer: a page of the product, with its resource-key label.</summary>
public sealed record EvidenceLink(string TextKey, string Href);

public sealed record EvidenceAnswer(string RequirementId, ComplianceStatus Status, EvidenceReason Reason, IReadOnlyList<EvidenceLink> Links);
