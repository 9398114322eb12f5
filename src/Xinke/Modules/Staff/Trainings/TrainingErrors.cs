namespace Xinke.Modules.Staff.Trainings;

/// <summary>The stable codes of the training register; each is also the resource key of its message.</summary>
public static class TrainingErrors
{
    public const string NotFound = "training.not_found";
    public const string InvalidKind = "training.invalid_kind";
    public const string SystemRequired = "training.system_required";
    public const string SystemNotAllowed = "training.system_not_allowed";
    public const string UnknownSystem = "training.unknown_system";
    public const string InvalidTitle = "training.invalid_title";
    public const string InvalidHours = "training.invalid_hours";
    public const string InvalidHeldOn = "training.invalid_held_on";
    public const string InvalidText = "training.invalid_text";
    public const string UnknownDepartment = "training.unknown_department";
    public const string UnknownPerson = "training.unknown_person";
    public const string PersonLeft = "training.person_left";
    public const string AlreadyEnrolled = "training.already_enrolled";
    public const string NotEnrolled = "training.not_enrolled";
    public const string InvalidResult = "training.invalid_result";
    public const string InvalidScore = "training.invalid_score";
    public const string ResultsBeforeSession = "training.results_before_session";
    public const string ExpiryRequired = "training.certificate_expiry_required";
    public const string InvalidExpiry = "training.invalid_certificate_expiry";

    /// <summary>The IT department trains the hospital's staff in using the systems.</summary>
    public const string Requirement = "STAFF-01";
}
