using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Modules.Staff.Agreements;
using Xinke.Modules.Staff.Trainings;

namespace Xinke.Modules.Staff;

/// <summary>
/// ACC-01: an account opens only for a person who passed a system-use training and accepted the
/// current confidentiality agreement. An account without a person counts as untrained. When it
/// lets an account through, it adds an <see cref="ActivationClearance"/> to the activation's unit of work.
/// </summary>
public sealed class TrainingAndAgreementGate(XinkeDb db, TrainingRecords trainings, AgreementRecords agreements, TimeProvider clock, HospitalClock hospital) : IAccountActivationGate
{
    public const string TrainingRequired = "identity.activation.training_required";
    public const string AgreementRequired = "identity.activation.agreement_required";
    public const string Requirement = "ACC-01";

    public async Task<Error?> CheckAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.PersonId is not { } personId)
        {
            return Error.Conflict(TrainingRequired, Requirement);
        }

        var today = hospital.LocalDate(clock.GetUtcNow().UtcDateTime);
        var training = await trainings.Passes(personId, today).Where(a => a.Session!.Kind == TrainingKind.SystemUse)
            .OrderByDescending(a => a.Session!.HeldOn).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (training is null)
        {
            return Error.Conflict(TrainingRequired, Requirement);
        }

        var acceptance = await agreements.AcceptanceOfCurrentAsync(personId, cancellationToken);
        if (acceptance is null)
        {
            return Error.Conflict(AgreementRequired, Requirement);
        }

        db.Add(new ActivationClearance
        {
            AccountId = account.Id,
            PersonId = personId,
            AttendanceId = training.Value,
            AcceptanceId = acceptance.Id,
            ClearedAt = clock.GetUtcNow().UtcDateTime,
        });
        return null;
    }
}
