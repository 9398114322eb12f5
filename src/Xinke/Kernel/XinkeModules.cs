using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Calendar;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Obligations;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Access;
using Xinke.Modules.Assets;
using Xinke.Modules.Organization;
using Xinke.Modules.Organization.Leadership;
using Xinke.Modules.Organization.Posts;
using Xinke.Modules.ServiceDesk;
using Xinke.Modules.Staff;
using Xinke.Modules.Systems;

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
        new NotificationsModel(),
        new CalendarModel(),
        new ImprovementsModel(),
        new Xinke.Kernel.Evidence.Documents.EvidenceDocumentsModel(),
        new Xinke.Kernel.Evidence.Inspections.SelfInspectionsModel(),
        new Xinke.Kernel.Evidence.Tuning.FrameworkTuningModel(),
        new ChecklistsModel(),
        new WorkflowModel(),
        new AttachmentsModel(),
        new JobsModel(),
        new ObligationsModel(),
        new EvidencePacksModel(),
        new OrganizationModel(),
        new LeadershipModel(),
        new PostsModel(),
        new SystemsModel(),
        new StaffModel(),
        new AccessModel(),
        new ServiceDeskModel(),
        new KnowledgeModel(),
        new AssetsModel(),
        new AssetFlowsModel(),
        new AssetUpkeepModel(),
        new AssetRequestsModel(),
        new AssetLoansModel(),
    ];

    public static IEnumerable<PermissionDeclaration> Permissions() =>
    [
        .. KernelPermissions.All,
        .. EvidencePermissions.All,
        .. NotificationPermissions.All,
        .. CalendarPermissions.All,
        .. ImprovementPermissions.All,
        .. ChecklistPermissions.All,
        .. WorkflowPermissions.All,
        .. ObligationPermissions.All,
        .. OrganizationPermissions.All,
        .. SystemsPermissions.All,
        .. LeadershipPermissions.All,
        .. PostsPermissions.All,
        .. StaffPermissions.All,
        .. AccessPermissions.All,
        .. ServiceDeskPermissions.All,
        .. AssetsPermissions.All,
    ];
}
