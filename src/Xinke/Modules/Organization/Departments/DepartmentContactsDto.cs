using Xinke.Kernel.Departments;

namespace Xinke.Modules.Organization.Departments;

public sealed record ContactsInput(long? HeadPersonId, long? LiaisonPersonId);

public sealed record ContactPerson(long PersonId, string EmployeeNumber, string Name, long? AccountId);

/// <summary>A department of the tree with its head and IT liaison; <see cref="MissingLiaison"/> marks the ORG-03 gap.</summary>
public sealed record DepartmentContactsDto(long DepartmentId, string DepartmentName, DepartmentKind Kind, string Path, ContactPerson? Head, ContactPerson? Liaison, bool MissingLiaison, long Version);
