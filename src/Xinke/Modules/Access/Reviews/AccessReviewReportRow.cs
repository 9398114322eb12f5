namespace Xinke.Modules.Access.Reviews;

/// <summary>One department's part of a campaign's report (department null: the lines the IT director answers).</summary>
public sealed record AccessReviewReportRow(long? DepartmentId, string DepartmentName, int Lines, int Confirmed, int Revoked, int Unanswered, int Flagged);

public sealed record AnswerInput(string? Reason);

public sealed record OpenCampaignInput(string? Period);
