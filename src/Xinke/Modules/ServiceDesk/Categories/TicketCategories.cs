using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk.Categories;

/// <summary>
/// The category tree the IT director keeps. A category is never deleted (tickets and policies name
/// it): it is deactivated with its subtree, and a deactivated category is refused for new tickets.
/// A move rewrites the materialised path of the whole subtree; a node cannot move under itself or
/// one of its descendants, which would cut the subtree off the tree.
/// </summary>
public sealed class TicketCategories(XinkeDb db)
{
    /// <summary>Levels below the root (硬件/打印机/卡纸 is three); deeper trees stop helping anyone file a ticket.</summary>
    public const int MaxDepth = 4;

    /// <summary>Every category in display order: each parent followed by its children, by sort order then name.</summary>
    public async Task<IReadOnlyList<TicketCategory>> TreeAsync(CancellationToken cancellationToken)
    {
        var all = await db.Set<TicketCategory>().AsNoTracking().ToListAsync(cancellationToken);
        var children = all.ToLookup(c => c.ParentId);
        var ordered = new List<TicketCategory>(all.Count);
        void Walk(long? parentId)
        {
            foreach (var child in children[parentId].OrderBy(c => c.SortOrder).ThenBy(c => c.NameZh, StringComparer.Ordinal))
            {
                ordered.Add(child);
                Walk(child.Id);
            }
        }

        Walk(null);
        return ordered;
    }

    public Task<TicketCategory?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Set<TicketCategory>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<Result<TicketCategory>> CreateAsync(CategoryInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (NamesError(input.NameZh, input.NameEn, required: true) is { } names)
        {
            return names;
        }

        TicketCategory? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.Set<TicketCategory>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == parentId, cancellationToken);
            if (parent is null)
            {
                return Error.Invalid(CategoryErrors.UnknownParent, "parentId");
            }

            if (!parent.Active)
            {
                return Error.Conflict(CategoryErrors.ParentInactive);
            }

            if (Depth(parent) + 1 >= MaxDepth)
            {
                return Error.Invalid(CategoryErrors.TooDeep, "parentId");
            }
        }

        var nameZh = input.NameZh!.Trim();
        if (await NameTakenAsync(parent?.Id, nameZh, null, cancellationToken))
        {
            return Error.Conflict(CategoryErrors.DuplicateName);
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var category = new TicketCategory { ParentId = parent?.Id, NameZh = nameZh, NameEn = input.NameEn!.Trim(), SortOrder = input.SortOrder ?? 0 };
            db.Add(category);
            await db.SaveChangesAsync(cancellationToken);
            category.Path = PathUnder(parent, category.Id);
            await db.SaveChangesAsync(cancellationToken);
            return Result<TicketCategory>.Success(category);
        }, cancellationToken);
    }

    /// <summary>Renames and/or moves a category; a move carries its subtree along.</summary>
    public async Task<Result<TicketCategory>> EditAsync(long id, CategoryPatch patch, Func<TicketCategory, Error?> precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(precondition);
        var category = await db.Set<TicketCategory>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return Error.NotFound(CategoryErrors.NotFound);
        }

        if (precondition(category) is { } failed)
        {
            return failed;
        }

        if (NamesError(patch.NameZh, patch.NameEn, required: false) is { } names)
        {
            return names;
        }

        var parentId = patch.MoveToRoot == true ? null : patch.ParentId ?? category.ParentId;
        var subtree = await db.Set<TicketCategory>().Where(c => c.Id != id && c.Path.StartsWith(category.Path)).ToListAsync(cancellationToken);
        TicketCategory? parent = null;
        if (parentId is { } newParentId)
        {
            parent = await db.Set<TicketCategory>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == newParentId, cancellationToken);
            if (parent is null)
            {
                return Error.Invalid(CategoryErrors.UnknownParent, "parentId");
            }

            if (parent.Id == id || parent.Path.StartsWith(category.Path, StringComparison.Ordinal))
            {
                return Error.Conflict(CategoryErrors.MovedUnderItself);
            }

            if (parentId != category.ParentId && !parent.Active)
            {
                return Error.Conflict(CategoryErrors.ParentInactive);
            }
        }

        var height = subtree.Count == 0 ? 0 : subtree.Max(Depth) - Depth(category);
        if (parentId != category.ParentId && (parent is null ? 0 : Depth(parent) + 1) + height >= MaxDepth)
        {
            return Error.Invalid(CategoryErrors.TooDeep, "parentId");
        }

        var nameZh = patch.NameZh?.Trim() ?? category.NameZh;
        if (await NameTakenAsync(parentId, nameZh, id, cancellationToken))
        {
            return Error.Conflict(CategoryErrors.DuplicateName);
        }

        category.NameZh = nameZh;
        category.NameEn = patch.NameEn?.Trim() ?? category.NameEn;
        category.SortOrder = patch.SortOrder ?? category.SortOrder;
        if (parentId != category.ParentId)
        {
            var oldPath = category.Path;
            category.ParentId = parentId;
            category.Path = PathUnder(parent, id);
            foreach (var node in subtree)
            {
                node.Path = string.Concat(category.Path, node.Path.AsSpan(oldPath.Length));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return category;
    }

    /// <summary>Retires a category and everything under it: no new ticket may name them.</summary>
    public async Task<Result<TicketCategory>> DeactivateAsync(long id, Func<TicketCategory, Error?> precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(precondition);
        var category = await db.Set<TicketCategory>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return Error.NotFound(CategoryErrors.NotFound);
        }

        if (precondition(category) is { } failed)
        {
            return failed;
        }

        category.Active = false;
        foreach (var node in await db.Set<TicketCategory>().Where(c => c.Active && c.Id != id && c.Path.StartsWith(category.Path)).ToListAsync(cancellationToken))
        {
            node.Active = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return category;
    }

    /// <summary>Brings one category back; its parent must be active, so the tree never shows an active node under a retired one.</summary>
    public async Task<Result<TicketCategory>> ActivateAsync(long id, Func<TicketCategory, Error?> precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(precondition);
        var category = await db.Set<TicketCategory>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return Error.NotFound(CategoryErrors.NotFound);
        }

        if (precondition(category) is { } failed)
        {
            return failed;
        }

        if (category.ParentId is { } parentId && !await db.Set<TicketCategory>().AnyAsync(c => c.Id == parentId && c.Active, cancellationToken))
        {
            return Error.Conflict(CategoryErrors.ParentInactive);
        }

        category.Active = true;
        await db.SaveChangesAsync(cancellationToken);
        return category;
    }

    private static int Depth(TicketCategory category) => category.Path.Count(ch => ch == '/') - 2;

    private static string PathUnder(TicketCategory? parent, long id) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent?.Path ?? "/"}{id}/");

    private static Error? NamesError(string? nameZh, string? nameEn, bool required)
    {
        if ((required || nameZh is not null) && !Ticket.ValidText(nameZh, TicketCategory.NameMaxLength))
        {
            return Error.Invalid(CategoryErrors.InvalidName, "nameZh");
        }

        return (required || nameEn is not null) && !Ticket.ValidText(nameEn, TicketCategory.NameMaxLength) ? Error.Invalid(CategoryErrors.InvalidName, "nameEn") : null;
    }

    private Task<bool> NameTakenAsync(long? parentId, string nameZh, long? except, CancellationToken cancellationToken) =>
        db.Set<TicketCategory>().AnyAsync(c => c.ParentId == parentId && c.NameZh == nameZh && c.Id != except, cancellationToken);
}
