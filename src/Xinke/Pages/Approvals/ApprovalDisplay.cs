using System.Globalization;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Workflow;

namespace Xinke.Pages.Approvals;

/// <summary>The words the approval pages show for kinds, states, steps and times.</summary>
public static class ApprovalDisplay
{
    /// <summary>A kind's name as its module's resources give it (<c>approval.kind.&lt;kind&gt;</c>), else the kind itself.</summary>
    public static string Kind(IStringLocalizer localizer, string kind) => TextOr(localizer, $"approval.kind.{kind}", kind);

    public static string State(IStringLocalizer localizer, ApprovalState state) =>
        localizer[$"approval.state.{state.ToString().ToLowerInvariant()}"];

    public static string StepState(IStringLocalizer localizer, ApprovalStepState state) =>
        localizer[$"approval.step_state.{state.ToString().ToLowerInvariant()}"];

    public static string Verdict(IStringLocalizer localizer, ApprovalVerdict verdict) =>
        localizer[$"approval.verdict.{verdict.ToString().ToLowerInvariant()}"];

    /// <summary>Who approves a step: a named person, or the holders of a permission (of the subject's department when limited).</summary>
    public static string Approver(IStringLocalizer localizer, ApprovalStepDto step)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(step);
        if (step.Account is { } person)
        {
            return person.DisplayName;
        }

        var permission = TextOr(localizer, $"permission.{step.Permission}", step.Permission ?? string.Empty);
        return step.DepartmentLimited ? localizer["approval.step.department_limited", permission] : permission;
    }

    public static string StateBadge(ApprovalState state) => state switch
    {
        ApprovalState.Pending => "text-bg-warning",
        ApprovalState.Approved => "text-bg-success",
        ApprovalState.Rejected => "text-bg-danger",
        ApprovalState.Withdrawn or ApprovalState.Expired => "text-bg-secondary",
        _ => "text-bg-light",
    };

    public static string Local(HospitalClock clock, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    private static string TextOr(IStringLocalizer localizer, string key, string fallback)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = localizer[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
