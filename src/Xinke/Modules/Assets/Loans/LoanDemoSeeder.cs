using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Loans;

/// <summary>
/// The demo hospital's loans: a few devices from the store lent to staff (open, two of them
/// overdue to show the EQ-03 gap and the notices), two returned with their inspection, and two
/// reservations for next week. The same few in every size: loans are a handful a week.
/// </summary>
public sealed class LoanDemoSeeder(XinkeDb db, PeopleDirectory people, AssetHistory history, HumanCodes codes, TimeProvider clock) : IDemoSeeder, IBusinessRecords
{
    public int Order => 610;

    public string Name => "asset-loans";

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Set<AssetLoan>().AnyAsync(cancellationToken);

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var lender = await db.Set<RoleAssignment>().AsNoTracking()
            .Where(a => a.Role!.Name == BuiltInRoles.ItEngineer || a.Role.Name == BuiltInRoles.ItDirector)
            .OrderBy(a => a.AccountId).Select(a => (long?)a.AccountId).FirstOrDefaultAsync(cancellationToken)
            ?? await db.Set<Account>().AsNoTracking().OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
        var stock = await db.Set<Asset>().Where(a => a.Status == AssetStatus.InStock).OrderBy(a => a.Id).Take(9).ToListAsync(cancellationToken);
        var borrowers = new List<PersonSummary>();
        foreach (var department in await db.Set<Department>().AsNoTracking().Where(d => d.Kind == DepartmentKind.Department || d.Kind == DepartmentKind.Ward).OrderBy(d => d.Id).Select(d => d.Id).Take(12).ToListAsync(cancellationToken))
        {
            borrowers.AddRange((await people.InDepartmentAsync(department, includeLeavers: false, cancellationToken)).Take(1));
        }

        if (lender is not { } lentBy || stock.Count < 9 || borrowers.Count == 0)
        {
            progress.Report("asset-loans: no account, people or devices in the store; no loans");
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await AmbientTransaction.RunAsync(db, async () =>
        {
            // Days lent ago, days due from now (negative: overdue), and whether it came back.
            (int LentAgo, int DueIn, bool Returned)[] plan = [(3, 11, false), (1, 6, false), (7, 2, false), (20, -5, false), (30, -12, false), (25, -10, true), (14, -4, true)];
            for (var i = 0; i < plan.Length; i++)
            {
                var (lentAgo, dueIn, returned) = plan[i];
                var asset = stock[i];
                var borrower = borrowers[i % borrowers.Count];
                var loan = new AssetLoan
                {
                    Code = await codes.NextAsync(AssetLoan.CodeKind, cancellationToken),
                    AssetId = asset.Id,
                    BorrowerPersonId = borrower.Id,
                    DepartmentId = borrower.DepartmentId,
                    LentAt = now.AddDays(-lentAgo),
                    LentById = lentBy,
                    DueAt = now.AddDays(dueIn),
                    ConditionOut = "外观完好，开机正常",
                    Accessories = "电源适配器、鼠标",
                };
                loan.RememberHome(asset);
                if (returned)
                {
                    loan.Close(new ReturnInspection("外观完好", true, true, false, null), lentBy, null, asset.HoldsData, now.AddDays(dueIn + 1));
                }
                else
                {
                    asset.Status = AssetStatus.OnLoan;
                }

                db.Add(loan);
                await db.SaveChangesAsync(cancellationToken);
                history.Record(asset.Id, AssetEventKind.Loan, string.Create(CultureInfo.InvariantCulture, $"借出 {loan.Code} 给 {borrower.Name}（{borrower.EmployeeNumber}），应还 {loan.DueAt:yyyy-MM-dd}"), lentBy, "loan", loan.Id);
                if (returned)
                {
                    history.Record(asset.Id, AssetEventKind.Return, $"归还验收 {loan.Code}：外观完好；附件齐全；数据已清除；无损坏", lentBy, "loan", loan.Id);
                }
            }

            for (var i = 0; i < 2; i++)
            {
                var person = borrowers[(i + 1) % borrowers.Count];
                var reservation = new AssetReservation
                {
                    AssetId = stock[7 + i].Id,
                    PersonId = person.Id,
                    DepartmentId = person.DepartmentId,
                    StartsAt = now.Date.AddDays(7 + i),
                    EndsAt = now.Date.AddDays(9 + i),
                    Purpose = i == 0 ? "院外义诊携带笔记本录入病历" : "科室培训投影演示",
                    CreatedAt = now,
                    CreatedById = lentBy,
                };
                db.Add(reservation);
                await db.SaveChangesAsync(cancellationToken);
                history.Record(reservation.AssetId, AssetEventKind.Reservation, $"预约给 {person.Name}：{reservation.Purpose}", lentBy, "reservation", reservation.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result<bool>.Success(true);
        }, cancellationToken);
        progress.Report("asset-loans: 7 loans (2 overdue, 2 returned) and 2 reservations");
    }
}
