using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Jobs;

namespace Xinke.Kernel.Obligations;

/// <summary>
/// Writes the modules' declared obligations to the table, keyed by their stable keys. Idempotent,
/// and done by one instance at a time (a lease), so instances starting together agree.
/// </summary>
public sealed class ObligationDeclarationSync(XinkeDb db, JobLeases leases, IEnumerable<IObligationDeclarations> modules, TimeProvider clock)
{
    public const string LeaseName = "obligations.declarations";

    /// <summary>Returns false when another instance is syncing at this moment (it writes the same).</summary>
    public async Task<bool> SyncAsync(CancellationToken cancellationToken)
    {
        var declarations = modules.SelectMany(m => m.Declarations).ToList();
        foreach (var declaration in declarations)
        {
            Check(declaration);
        }

        var duplicate = declarations.GroupBy(d => d.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Obligation key '{duplicate.Key}' is declared twice.");
        }

        if (declarations.Count == 0)
        {
            return true;
        }

        return await leases.RunExclusiveAsync(LeaseName, TimeSpan.FromMinutes(1), async (_, ct) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var keys = declarations.Select(d => d.Key).ToList();
            var existing = await db.Set<Obligation>().Where(o => o.Key != null && keys.Contains(o.Key)).ToDictionaryAsync(o => o.Key!, StringComparer.Ordinal, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var declaration in declarations)
            {
                if (!existing.TryGetValue(declaration.Key, out var obligation))
                {
                    obligation = new Obligation
                    {
                        Key = declaration.Key,
                        Title = declaration.Title,
                        Schedule = declaration.Schedule,
                        Owner = declaration.Owner,
                        OwnerKind = declaration.OwnerKind,
                        GraceHours = declaration.GraceHours,
                        EvidenceKind = declaration.EvidenceKind,
                        EffectiveFrom = now,
                        CreatedAt = now,
                    };
                    db.Add(obligation);
                }

                obligation.Title = declaration.Title;
                obligation.RequirementIds = Obligation.StoreRequirements(declaration.RequirementIds)!;
                obligation.ScheduleKind = declaration.ScheduleKind;
                obligation.Schedule = declaration.Schedule;
                obligation.EvidenceKind = declaration.EvidenceKind;
                obligation.EvidenceSubjectType = declaration.EvidenceSubjectType;
                obligation.EvidenceSubjectId = declaration.EvidenceSubjectId;
                obligation.ReviewRequired = declaration.ReviewRequired;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    /// <summary>A declaration is code: a bad one is a bug, refused at start-up.</summary>
    private static void Check(ObligationDeclaration declaration)
    {
        if (string.IsNullOrWhiteSpace(declaration.Key) || declaration.Key.Length > Obligation.KeyMaxLength
            || string.IsNullOrWhiteSpace(declaration.Title) || declaration.Title.Length > Obligation.TitleMaxLength
            || ObligationSchedule.Parse(declaration.ScheduleKind, declaration.Schedule) is null
            || Obligation.StoreRequirements(declaration.RequirementIds) is null
            || declaration.GraceHours < 0
            || string.IsNullOrWhiteSpace(declaration.Owner)
            || !declaration.EvidenceKind.Contains('.', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Obligation declaration '{declaration.Key}' is invalid.");
        }
    }
}
