using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data;

namespace Xinke.Kernel;

/// <summary>
/// The table of contents of the model: every kernel area and module that owns tables, in
/// order. Modules add themselves here when they land.
/// </summary>
public static class XinkeModules
{
    public static IReadOnlyList<IModelPart> ModelParts() =>
    [
        new KernelDataModel(),
        new AuditModel(),
    ];
}
