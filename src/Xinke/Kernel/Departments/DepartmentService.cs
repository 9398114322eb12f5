using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Departments;

public sealed record DepartmentNode(long Id, string Name, DepartmentKind Kind, long? ParentId, IReadOnlyList<DepartmentNode> Children);

public sealed class DepartmentService(XinkeDb db, ILogger<DepartmentService> logger)
{
    public async Task<IReadOnlyList<DepartmentNode>> TreeAsync(CancellationToken cancellationToken)
    {
        var all = await db.Set<Department>().AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var children = all.ToLookup(d => d.ParentId);
        return Build(null);

        IReadOnlyList<DepartmentNode> Build(long? parent) =>
            [.. children[parent].Select(d => new DepartmentNode(d.Id, d.Name, d.Kind, d.ParentId, Build(d.Id)))];
    }

    public async Task<Result<Department>> CreateAsync(string? name, long? parentId, DepartmentKind? kind, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > Department.NameMaxLength)
        {
            return Error.Invalid(DepartmentErrors.InvalidName, "name");
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            return Error.Invalid(DepartmentErrors.KindBelowParent, "kind");
        }

        Department? parent = null;
        if (parentId is not null)
        {
            parent = await db.Set<Department>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == parentId, cancellationToken);
            if (parent is null)
            {
                return Error.Invalid(DepartmentErrors.UnknownParent, "parentId");
            }
        }

        if (Department.CheckPlacement(kind.Value, parent) is { } misplaced)
        {
            return misplaced;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var department = new Department { Name = name.Trim(), Kind = kind.Value, ParentId = parentId };
        db.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        department.Path = $"{parent?.Path ?? "/"}{department.Id.ToString(CultureInfo.InvariantCulture)}/";
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Department {DepartmentId} ({Kind}) created under {ParentId}", department.Id, department.Kind, parentId);
        return department;
    }
}
