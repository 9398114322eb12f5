using Xinke.Data;

namespace Xinke.Modules.Organization.Departments;

/// <summary>
/// The named head and IT liaison (信息联络员, ORG-03) of a department of the kernel's tree. A
/// department without a liaison is a gap on the home page and in the compliance view.
/// </summary>
public sealed class DepartmentContacts : IVersioned
{
    public long DepartmentId { get; set; }

    public long? HeadPersonId { get; set; }

    public long? LiaisonPersonId { get; set; }

    public long Version { get; set; }
}
