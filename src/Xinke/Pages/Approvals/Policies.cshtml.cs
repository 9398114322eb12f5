using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;

namespace Xinke.Pages.Approvals;

/// <summary>The approval policy of every kind; the IT director opens one to edit it.</summary>
[RequirePermission(WorkflowPermissions.PoliciesRead)]
public sealed class PoliciesModel(ApprovalPolicyService policies, XinkeDb db, CurrentCaller current) : PageModel
{
    public IReadOnlyList<ApprovalPolicy> Policies { get; private set; } = [];

    public IReadOnlyDictionary<long, string> People { get; private set; } = new Dictionary<long, string>();

    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Policies = await policies.ListAsync(cancellationToken);
        var named = Policies.SelectMany(p => p.Steps).Where(s => s.AccountId is not null).Select(s => s.AccountId!.Value).Distinct().ToList();
        People = await db.Set<Kernel.Identity.Account>().AsNoTracking().Where(a => named.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);
        CanWrite = (await current.GetAsync(cancellationToken))?.Has(WorkflowPermissions.PoliciesWrite) == true;
    }
}
