using System.Text.RegularExpressions;
using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Systems;

/// <summary>
/// An entry of the information-system register (信息系统台账): HIS, EMR, PACS, LIS… Later modules
/// name systems from here: trainings on system use, backups and their targets, faults, changes.
/// </summary>
public sealed partial class InformationSystem : IVersioned
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;
    public const int VendorMaxLength = 100;
    public const int FilingNumberMaxLength = 64;
    public const int DescriptionMaxLength = 2000;
    public const int ReasonMaxLength = 1000;

    /// <summary>Classified-protection filing (备案) applies from level 2 up.</summary>
    public const int FiledFromLevel = 2;

    /// <summary>RTO and RPO above thirty days are not recovery targets but typing slips.</summary>
    public const int MaxRecoveryMinutes = 30 * 24 * 60;

    public long Id { get; set; }

    /// <summary>The short name the hospital uses (HIS, EMR), unique.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public long OwnerDepartmentId { get; set; }

    public string? Vendor { get; set; }

    /// <summary>Classified-protection level (等级保护), 1 to 4.</summary>
    public int ProtectionLevel { get; set; }

    /// <summary>The public-security filing number (备案编号) of the level.</summary>
    public string? FilingNumber { get; set; }

    public DateOnly? LastAssessedOn { get; set; }

    public DataClasses DataClasses { get; set; }

    public bool HoldsPersonalData { get; set; }

    public bool HoldsHealthData { get; set; }

    public SystemCriticality Criticality { get; set; }

    /// <summary>Recovery time objective, in minutes.</summary>
    public int RtoMinutes { get; set; }

    /// <summary>Recovery point objective, in minutes.</summary>
    public int RpoMinutes { get; set; }

    public SystemStatus Status { get; set; }

    public string? Description { get; set; }

    public DateTime? RetiredAt { get; set; }

    public string? RetireReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Critical systems are served around the clock: their SLAs and duties use the 7x24 calendar.</summary>
    public bool RunsAroundTheClock => Criticality == SystemCriticality.Critical;

    /// <summary>The day the next classified-protection assessment is due, when the level sets an interval and one was made.</summary>
    public DateOnly? NextAssessmentDue(SystemsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AssessmentMonths(ProtectionLevel) is { } months && LastAssessedOn is { } last ? last.AddMonths(months) : null;
    }

    /// <summary>
    /// An in-service system of a level with an assessment interval is overdue when it was never
    /// assessed or its last assessment is older than the interval. Must agree with
    /// <see cref="SystemRegister.AssessmentOverdue"/>, the same rule as a query.
    /// </summary>
    public bool IsAssessmentOverdueOn(DateOnly today, SystemsOptions options) =>
        Status == SystemStatus.InService && AssessmentLate(ProtectionLevel, LastAssessedOn, today, options);

    /// <summary>Whether a system of <paramref name="level"/> last assessed on <paramref name="lastAssessedOn"/> is late on <paramref name="today"/>.</summary>
    public static bool AssessmentLate(int level, DateOnly? lastAssessedOn, DateOnly today, SystemsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AssessmentMonths(level) is { } months && (lastAssessedOn is null || lastAssessedOn < today.AddMonths(-months));
    }

    /// <summary>
    /// Takes every field from <paramref name="input"/> after checking the register's rules; a
    /// retired system is no longer edited. Uniqueness of the code and the owner department's
    /// existence need the database and are checked by <see cref="SystemRegister"/>.
    /// </summary>
    public Error? Apply(SystemInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Status == SystemStatus.Retired)
        {
            return Error.Conflict(SystemErrors.Retired);
        }

        var code = NormalizeCode(input.Code);
        if (code is null)
        {
            return Error.Invalid(SystemErrors.InvalidCode, "code", CodeMaxLength);
        }

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > NameMaxLength)
        {
            return Error.Invalid(SystemErrors.InvalidName, "name", NameMaxLength);
        }

        if (input.OwnerDepartmentId is not { } department)
        {
            return Error.Invalid(SystemErrors.UnknownDepartment, "ownerDepartmentId");
        }

        var vendor = Blank(input.Vendor);
        if (vendor?.Length > VendorMaxLength)
        {
            return Error.Invalid(SystemErrors.InvalidVendor, "vendor", VendorMaxLength);
        }

        if (input.ProtectionLevel is not { } level || level is < 1 or > 4)
        {
            return Error.Invalid(SystemErrors.InvalidLevel, "protectionLevel");
        }

        var filing = Blank(input.FilingNumber);
        if (filing is null && level >= FiledFromLevel)
        {
            return new Error(SystemErrors.FilingRequired, ErrorKind.Invalid, "filingNumber", SystemErrors.Requirement, FiledFromLevel);
        }

        if (filing?.Length > FilingNumberMaxLength)
        {
            return Error.Invalid(SystemErrors.InvalidFilingNumber, "filingNumber", FilingNumberMaxLength);
        }

        if (input.LastAssessedOn > today)
        {
            return Error.Invalid(SystemErrors.AssessedInFuture, "lastAssessedOn");
        }

        var classes = SystemInput.ParseDataClasses(input.DataClasses);
        if (classes is null)
        {
            return Error.Invalid(SystemErrors.InvalidDataClasses, "dataClasses");
        }

        if (!Enum.TryParse<SystemCriticality>(input.Criticality, ignoreCase: true, out var criticality) || !Enum.IsDefined(criticality))
        {
            return Error.Invalid(SystemErrors.InvalidCriticality, "criticality");
        }

        if (input.RtoMinutes is not (>= 0 and <= MaxRecoveryMinutes))
        {
            return Error.Invalid(SystemErrors.InvalidRto, "rtoMinutes", MaxRecoveryMinutes);
        }

        if (input.RpoMinutes is not (>= 0 and <= MaxRecoveryMinutes))
        {
            return Error.Invalid(SystemErrors.InvalidRpo, "rpoMinutes", MaxRecoveryMinutes);
        }

        // Retiring is a verb with a reason; the form and the patch only move between planned and in service.
        var status = SystemStatus.InService;
        if (input.Status is not null && (!Enum.TryParse(input.Status, ignoreCase: true, out status) || status is not (SystemStatus.Planned or SystemStatus.InService)))
        {
            return Error.Invalid(SystemErrors.InvalidStatus, "status");
        }

        var description = Blank(input.Description);
        if (description?.Length > DescriptionMaxLength)
        {
            return Error.Invalid(SystemErrors.InvalidDescription, "description", DescriptionMaxLength);
        }

        Code = code;
        Name = name;
        OwnerDepartmentId = department;
        Vendor = vendor;
        ProtectionLevel = level;
        FilingNumber = filing;
        LastAssessedOn = input.LastAssessedOn;
        DataClasses = classes.Value;
        HoldsPersonalData = input.HoldsPersonalData ?? false;
        HoldsHealthData = input.HoldsHealthData ?? false;
        Criticality = criticality;
        RtoMinutes = input.RtoMinutes.Value;
        RpoMinutes = input.RpoMinutes.Value;
        Status = status;
        Description = description;
        return null;
    }

    /// <summary>Takes the system out of service for good; the record stays for the history that names it.</summary>
    public Error? Retire(string? reason, DateTime now)
    {
        if (Status == SystemStatus.Retired)
        {
            return Error.Conflict(SystemErrors.Retired);
        }

        var text = Blank(reason);
        if (text is null || text.Length > ReasonMaxLength)
        {
            return Error.Invalid(SystemErrors.InvalidReason, "reason", ReasonMaxLength);
        }

        Status = SystemStatus.Retired;
        RetiredAt = now;
        RetireReason = text;
        return null;
    }

    /// <summary>Codes are short Latin names (HIS, EMR-2); kept upper-case so HIS and his are one system.</summary>
    public static string? NormalizeCode(string? code)
    {
        var text = code?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > CodeMaxLength || !CodePattern().IsMatch(text) ? null : text.ToUpperInvariant();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CodePattern();
}
