using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;

namespace Xinke.Modules.Systems;

/// <summary>A check a change must pass before it is made, such as If-Match or a form's version.</summary>
public delegate Error? SystemPrecondition(InformationSystem system);

/// <summary>
/// The register's use cases: record, edit and retire systems. The register is hospital-wide,
/// so there is no department scope; the endpoints and pages check the permissions.
/// </summary>
public sealed class SystemRegister(XinkeDb db, TimeProvider clock, HospitalClock hospital, IOptions<SystemsOptions> options)
{
    public SystemsOptions Options => options.Value;

    /// <summary>Today in the hospital's time zone: the day assessments are judged against.</summary>
    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    public IQueryable<InformationSystem> All() => db.Set<InformationSystem>().AsNoTracking();

    public Task<InformationSystem?> FindAsync(long id, CancellationToken cancellationToken) =>
        All().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>Department names by id, for showing owners; the hospital's tree is small.</summary>
    public async Task<IReadOnlyDictionary<long, string>> DepartmentNamesAsync(CancellationToken cancellationToken) =>
        await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);

    /// <summary>
    /// The rule of <see cref="InformationSystem.IsAssessmentOverdueOn"/> as a query predicate for
    /// <paramref name="today"/>, so lists, the home page and the evidence agree with the record.
    /// </summary>
    public static Expression<Func<InformationSystem, bool>> AssessmentOverdue(DateOnly today, SystemsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var level3Cutoff = today.AddMonths(-options.Level3AssessmentMonths);
        var level4Cutoff = today.AddMonths(-options.Level4AssessmentMonths);
        return s => s.Status == SystemStatus.InService
            && ((s.ProtectionLevel == 3 && (s.LastAssessedOn == null || s.LastAssessedOn < level3Cutoff))
                || (s.ProtectionLevel == 4 && (s.LastAssessedOn == null || s.LastAssessedOn < level4Cutoff)));
    }

    /// <summary>The systems <see cref="AssessmentOverdue"/> leaves out: not in service, of a level without interval, or assessed in time.</summary>
    public static Expression<Func<InformationSystem, bool>> AssessmentInTime(DateOnly today, SystemsOptions options)
    {
        var overdue = AssessmentOverdue(today, options);
        return Expression.Lambda<Func<InformationSystem, bool>>(Expression.Not(overdue.Body), overdue.Parameters);
    }

    public async Task<Result<InformationSystem>> CreateAsync(SystemInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var system = new InformationSystem { Code = string.Empty, Name = string.Empty, CreatedAt = clock.GetUtcNow().UtcDateTime };
        if (await CheckAsync(system, input, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            db.Add(system);
            await db.SaveChangesAsync(cancellationToken);
            return Result<InformationSystem>.Success(system);
        }, cancellationToken);
    }

    /// <summary>Edits a system: <paramref name="change"/> turns its current fields into the wanted ones (a form, a merge patch).</summary>
    public Task<Result<InformationSystem>> EditAsync(long id, Func<SystemInput, Result<SystemInput>> change, SystemPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async system =>
        {
            ArgumentNullException.ThrowIfNull(change);
            var wanted = change(SystemInput.From(system));
            return wanted.Succeeded ? await CheckAsync(system, wanted.Value!, cancellationToken) : wanted.Error;
        }, cancellationToken);

    public Task<Result<InformationSystem>> RetireAsync(long id, string? reason, SystemPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, system => Task.FromResult(system.Retire(reason, clock.GetUtcNow().UtcDateTime)), cancellationToken);

    /// <summary>Applies the input to the system, then the rules that need the database: the code is free, the owner department exists.</summary>
    private async Task<Error?> CheckAsync(InformationSystem system, SystemInput input, CancellationToken cancellationToken)
    {
        if (system.Apply(input, Today) is { } invalid)
        {
            return invalid;
        }

        var code = system.Code;
        var id = system.Id;
        if (await db.Set<InformationSystem>().AnyAsync(s => s.Code == code && s.Id != id, cancellationToken))
        {
            return Error.Conflict(SystemErrors.CodeTaken, null, code);
        }

        var department = system.OwnerDepartmentId;
        return await db.Set<Department>().AnyAsync(d => d.Id == department, cancellationToken)
            ? null
            : Error.Invalid(SystemErrors.UnknownDepartment, "ownerDepartmentId");
    }

    private async Task<Result<InformationSystem>> ChangeAsync(long id, SystemPrecondition? precondition, Func<InformationSystem, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var system = await db.Set<InformationSystem>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (system is null)
        {
            return Error.NotFound(SystemErrors.NotFound);
        }

        if (precondition?.Invoke(system) is { } failed)
        {
            return failed;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            if (await change(system) is { } refused)
            {
                // A refused change leaves nothing behind in the unit of work.
                await db.Entry(system).ReloadAsync(cancellationToken);
                return refused;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result<InformationSystem>.Success(system);
        }, cancellationToken);
    }
}
