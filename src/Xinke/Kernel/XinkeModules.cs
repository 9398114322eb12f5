using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Obligations;

namespace Xinke.Kernel;

/// <summary>
/// The table of contents of the model and of the permissions: every kernel area and module that
/// owns tables or declares permissions, in order. Modules add themselves here when they land.
/// </summary>
public static class XinkeModules
{
    public static IReadOnlyList<IModelPart> ModelParts() =>
    [
        new KernelDataModel(),
        new AuditModel(),
        new DepartmentsModel(),
        new IdentityModel(),
        new JobsModel(),
        new ObligationsModel(),
    ];

    public static IEnumerable<PermissionDeclaration> Permissions() =>
    [
        .. KernelPermissions.All,
        .. ObligationPermissions.All,
    ];
}
