using Xinke.Data;

namespace Xinke.Modules.Organization.People;

/// <summary>
/// A member of the hospital's staff (人员). An account points at its person (<c>Account.PersonId</c>),
/// at most one account per person; trainings, agreements, posts and permission requests name the person.
/// </summary>
public sealed class Person : IVersioned
{
    public const int EmployeeNumberMaxLength = 32;
    public const int NameMaxLength = 50;
    public const int TitleMaxLength = 50;
    public const int PhoneMaxLength = 32;

    public long Id { get; set; }

    /// <summary>The hospital's employee number (工号), unique.</summary>
    public required string EmployeeNumber { get; set; }

    public required string Name { get; set; }

    public long DepartmentId { get; set; }

    /// <summary>Post or professional title (职务/职称), as the personnel office writes it.</summary>
    public string? Title { get; set; }

    [Sensitive(SensitiveKind.Phone)]
    public string? Phone { get; set; }

    public PersonStatus Status { get; set; }

    /// <summary>The day the person left, in the hospital's calendar; set with <see cref="PersonStatus.Left"/>.</summary>
    public DateOnly? LeftOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Records that the person left on <paramref name="day"/>; their account is disabled by the caller in the same transaction.</summary>
    public void Leave(DateOnly day)
    {
        Status = PersonStatus.Left;
        LeftOn = day;
    }

    public void ChangeStatus(PersonStatus status, DateOnly today)
    {
        if (status == PersonStatus.Left)
        {
            Leave(LeftOn ?? today);
            return;
        }

        Status = status;
        LeftOn = null;
    }
}
