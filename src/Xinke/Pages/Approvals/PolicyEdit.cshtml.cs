using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Workflow;

namespace Xinke.Pages.Approvals;

/// <summary>
/// The IT director edits one kind's policy: the deadline and the steps, one row each (blank rows
/// are left out). The version the form was drawn from must still be current, as with If-Match.
/// </summary>
[RequirePermission(WorkflowPermissions.PoliciesWrite)]
public sealed class PolicyEditModel(ApprovalPolicyService policies, PermissionCatalog catalog, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Blank rows offered below the current steps, for adding steps.</summary>
    public const int SpareRows = 2;

    public string Kind { get; private set; } = string.Empty;

    [BindProperty]
    public int? DeadlineWorkingHours { get; set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public List<StepRow> Steps { get; set; } = [];

    public IReadOnlyList<string> Permissions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        var policy = await policies.FindAsync(kind, cancellationToken);
        if (policy is null)
        {
            return NotFound();
        }

        Kind = policy.Kind;
        DeadlineWorkingHours = policy.DeadlineWorkingHours;
        Version = policy.Version;
        var ids = policy.Steps.Where(s => s.AccountId is not null).Select(s => s.AccountId!.Value).ToList();
        var names = await db.Set<Kernel.Identity.Account>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.UserName, cancellationToken);
        Steps = [.. policy.Steps.OrderBy(s => s.Order).Select(s => new StepRow
        {
            Permission = s.Permission,
            DepartmentLimited = s.DepartmentLimited,
            Person = s.AccountId is { } id ? names.GetValueOrDefault(id) : null,
            Quorum = s.Quorum,
            MinAmount = s.MinAmount,
        })];
        Prepare();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, CancellationToken cancellationToken)
    {
        var policy = await policies.FindAsync(kind, cancellationToken);
        if (policy is null)
        {
            return NotFound();
        }

        Kind = policy.Kind;
        if (policy.Version != Version)
        {
            return Refuse(Versioning.StaleVersion);
        }

        var rows = Steps.Where(r => !r.IsBlank).ToList();
        var userNames = rows.Where(r => !string.IsNullOrWhiteSpace(r.Person)).Select(r => r.Person!.Trim()).Distinct().ToList();
        var accounts = await db.Set<Kernel.Identity.Account>().AsNoTracking().Where(a => userNames.Contains(a.UserName)).ToDictionaryAsync(a => a.UserName, a => a.Id, StringComparer.Ordinal, cancellationToken);
        var steps = new List<ApprovalStepInput>();
        foreach (var row in rows)
        {
            long? accountId = null;
            if (!string.IsNullOrWhiteSpace(row.Person))
            {
                if (!accounts.TryGetValue(row.Person.Trim(), out var id))
                {
                    return Refuse(ApprovalErrors.UnknownAccount);
                }

                accountId = id;
            }

            steps.Add(new ApprovalStepInput(string.IsNullOrWhiteSpace(row.Permission) ? null : row.Permission, row.DepartmentLimited, accountId, row.Quorum, row.MinAmount));
        }

        var saved = await policies.ReplaceAsync(policy, new ApprovalPolicyInput(DeadlineWorkingHours, steps), cancellationToken);
        if (!saved.Succeeded)
        {
            return Refuse(saved.Error!.Code, saved.Error.Arguments);
        }

        return Redirect("/approvals/policies");
    }

    private PageResult Refuse(string code, params object[] arguments)
    {
        ModelState.AddModelError(string.Empty, localizer[code, arguments]);
        Prepare();
        return Page();
    }

    private void Prepare()
    {
        Permissions = [.. catalog.All.Select(p => p.Name).Order(StringComparer.Ordinal)];
        Steps.AddRange(Enumerable.Range(0, SpareRows).Select(_ => new StepRow()));
    }

    /// <summary>One row of the steps table: a permission (optionally of the subject's department) or a person's user name.</summary>
    public sealed class StepRow
    {
        public string? Permission { get; set; }

        public bool DepartmentLimited { get; set; }

        public string? Person { get; set; }

        public int? Quorum { get; set; }

        public decimal? MinAmount { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Permission) && string.IsNullOrWhiteSpace(Person);
    }
}
