using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Register;

/// <summary>A check a change must pass before it is made, such as If-Match or a form's version.</summary>
public delegate Error? AssetPrecondition(Asset asset);

/// <summary>
/// The register's use cases: record, edit, move, assign and annotate assets, one transaction each,
/// every change told on the asset's timeline in the same transaction (EQ-01: no unrecorded move or
/// change of a key device's network identity).
/// </summary>
public sealed partial class AssetService(
    XinkeDb db, AssetRegister register, AssetHistory history, HumanCodes codes, PeopleDirectory people, DepartmentScope scope, TimeProvider clock, CurrentCaller current)
{
    public async Task<Result<Asset>> CreateAsync(AssetInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var type = input.TypeId is { } typeId ? await register.TypeAsync(typeId, cancellationToken) : null;
        if (type is null || !type.Active)
        {
            return Error.Invalid(AssetErrors.UnknownType, "typeId");
        }

        var status = AssetStatus.InStock;
        if (input.Status is not null && (!Enum.TryParse(input.Status, ignoreCase: true, out status) || !Enum.IsDefined(status) || status == AssetStatus.Scrapped))
        {
            return Error.Invalid(AssetErrors.InvalidStatus, "status");
        }

        var tag = NormalizeTag(input.Tag);
        if (input.Tag is not null && tag is null)
        {
            return Error.Invalid(AssetErrors.InvalidTag, "tag", Asset.TagMaxLength);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var caller = await current.GetAsync(cancellationToken);
        var asset = new Asset { Tag = tag ?? string.Empty, Status = status, CreatedAt = now, UpdatedAt = now, CreatedById = caller?.Id };
        if (await CheckAsync(asset, input with { IsKeyDevice = input.IsKeyDevice ?? type.KeyDeviceByDefault }, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            asset.Tag = tag ?? await codes.NextAsync(Asset.CodeKind, cancellationToken);
            if (tag is not null && await db.Set<Asset>().AnyAsync(a => a.Tag == tag, cancellationToken))
            {
                return Error.Conflict(AssetErrors.TagTaken, null, tag);
            }

            db.Add(asset);
            await db.SaveChangesAsync(cancellationToken);
            await history.RecordAsync(asset.Id, AssetEventKind.Registered, $"登记入账：{type.NameZh} {asset.Name}，状态 {asset.Status}，位置 {Show(asset.Location.Text)}", cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Asset>.Success(asset);
        }, cancellationToken);
    }

    /// <summary>Edits an asset: <paramref name="change"/> turns its current fields into the wanted ones (a form, a merge patch).</summary>
    public Task<Result<Asset>> EditAsync(long id, Func<AssetInput, Result<AssetInput>> change, AssetPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async asset =>
        {
            ArgumentNullException.ThrowIfNull(change);
            var before = AssetInput.From(asset);
            var wanted = change(before);
            if (!wanted.Succeeded)
            {
                return wanted.Error;
            }

            var input = wanted.Value!;
            if (NormalizeTag(input.Tag) is not { } tag)
            {
                return Error.Invalid(AssetErrors.InvalidTag, "tag", Asset.TagMaxLength);
            }

            if (tag != asset.Tag && await db.Set<Asset>().AnyAsync(a => a.Tag == tag && a.Id != asset.Id, cancellationToken))
            {
                return Error.Conflict(AssetErrors.TagTaken, null, tag);
            }

            var status = asset.Status;
            if (input.Status is not null && (!Enum.TryParse(input.Status, ignoreCase: true, out status) || !Enum.IsDefined(status)))
            {
                return Error.Invalid(AssetErrors.InvalidStatus, "status");
            }

            // An edit moves between the store and use only; loans, repairs and scrapping are verbs with their own rules.
            if (status != asset.Status && !(asset.Status is AssetStatus.InStock or AssetStatus.InUse && status is AssetStatus.InStock or AssetStatus.InUse))
            {
                return Error.Invalid(AssetErrors.InvalidStatus, "status");
            }

            var location = asset.Location;
            if (await CheckAsync(asset, input, cancellationToken) is { } refused)
            {
                return refused;
            }

            asset.Tag = tag;
            var previousStatus = asset.Status;
            if (asset.SetStatus(status) is { } statusRefused)
            {
                return statusRefused;
            }

            await TellAsync(asset, before, location, previousStatus, cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>Moves an asset; <paramref name="designate"/> makes the new place a key device's designated one (an authorised relocation, EQ-01).</summary>
    public Task<Result<Asset>> MoveAsync(long id, AssetLocation location, bool designate, AssetPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async asset =>
        {
            var from = asset.Location.Text;
            var moved = asset.MoveTo(location, designate);
            if (!moved.Succeeded)
            {
                return moved.Error;
            }

            if (moved.Value)
            {
                var text = $"移动：{Show(from)} → {Show(asset.Location.Text)}" + (asset.IsKeyDevice && designate ? "（指定位置随之变更）" : string.Empty);
                await history.RecordAsync(asset.Id, AssetEventKind.Moved, text, cancellationToken: cancellationToken);
            }

            return null;
        }, cancellationToken);

    /// <summary>Hands an asset to a responsible person (ORG-05) and an owning department.</summary>
    public Task<Result<Asset>> AssignAsync(long id, long? personId, long? departmentId, AssetPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async asset =>
        {
            if (departmentId is not { } department || await DepartmentRefusedAsync(department, cancellationToken))
            {
                return Error.Invalid(AssetErrors.UnknownDepartment, "departmentId");
            }

            if (personId is { } person && !await people.ExistsAsync(person, cancellationToken))
            {
                return Error.Invalid(AssetErrors.UnknownPerson, "personId");
            }

            var assigned = asset.AssignTo(personId, department);
            if (!assigned.Succeeded)
            {
                return assigned.Error;
            }

            if (assigned.Value)
            {
                await history.RecordAsync(asset.Id, AssetEventKind.Assigned, await AssignmentTextAsync(asset, cancellationToken), cancellationToken: cancellationToken);
            }

            return null;
        }, cancellationToken);

    /// <summary>An engineer's journal note on the timeline; the asset itself is not changed.</summary>
    public async Task<Result<AssetEvent>> AddNoteAsync(long id, string? text, CancellationToken cancellationToken)
    {
        var note = text?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > AssetEvent.TextMaxLength)
        {
            return Error.Invalid(AssetErrors.InvalidNote, "text", AssetEvent.TextMaxLength);
        }

        var asset = await register.LoadForChangeAsync(id, AssetsPermissions.Write, cancellationToken);
        if (!asset.Succeeded)
        {
            return asset.Error!;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var entry = await history.RecordAsync(id, AssetEventKind.Note, note, cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result<AssetEvent>.Success(entry);
        }, cancellationToken);
    }

    /// <summary>The upper-case tag, or null when it is blank, too long or holds other characters than letters, digits, dots, hyphens and underscores.</summary>
    public static string? NormalizeTag(string? tag)
    {
        var text = tag?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(text) || text.Length > Asset.TagMaxLength || !TagPattern().IsMatch(text) ? null : text;
    }

    /// <summary>Applies the input, then the rules that need the database: the type, department and responsible person exist.</summary>
    private async Task<Error?> CheckAsync(Asset asset, AssetInput input, CancellationToken cancellationToken)
    {
        if (input.TypeId is { } typeId && typeId != asset.TypeId)
        {
            var type = await register.TypeAsync(typeId, cancellationToken);
            if (type is null || !type.Active)
            {
                return Error.Invalid(AssetErrors.UnknownType, "typeId");
            }
        }

        if (asset.Apply(input) is { } invalid)
        {
            return invalid;
        }

        if (await DepartmentRefusedAsync(asset.OwningDepartmentId, cancellationToken))
        {
            return Error.Invalid(AssetErrors.UnknownDepartment, "owningDepartmentId");
        }

        return asset.ResponsiblePersonId is { } person && !await people.ExistsAsync(person, cancellationToken)
            ? Error.Invalid(AssetErrors.UnknownPerson, "responsiblePersonId")
            : null;
    }

    /// <summary>A department that does not exist, or that the caller may not give devices to, is refused alike.</summary>
    private async Task<bool> DepartmentRefusedAsync(long department, CancellationToken cancellationToken)
    {
        var reachable = await scope.DepartmentsAsync(AssetsPermissions.Write, cancellationToken);
        return (reachable is not null && !reachable.Contains(department))
            || !await db.Set<Department>().AnyAsync(d => d.Id == department, cancellationToken);
    }

    /// <summary>Tells the timeline what an edit changed: a move, an assignment, a status, and the other fields by name.</summary>
    private async Task TellAsync(Asset asset, AssetInput before, AssetLocation location, AssetStatus previousStatus, CancellationToken cancellationToken)
    {
        var after = AssetInput.From(asset);
        if (asset.Location != location)
        {
            await history.RecordAsync(asset.Id, AssetEventKind.Moved, $"移动：{Show(location.Text)} → {Show(asset.Location.Text)}", cancellationToken: cancellationToken);
        }

        if (before.ResponsiblePersonId != after.ResponsiblePersonId || before.OwningDepartmentId != after.OwningDepartmentId)
        {
            await history.RecordAsync(asset.Id, AssetEventKind.Assigned, await AssignmentTextAsync(asset, cancellationToken), cancellationToken: cancellationToken);
        }

        if (previousStatus != asset.Status)
        {
            await history.RecordAsync(asset.Id, AssetEventKind.StatusChanged, $"状态：{previousStatus} → {asset.Status}", cancellationToken: cancellationToken);
        }

        string[] told = [nameof(AssetInput.Campus), nameof(AssetInput.Building), nameof(AssetInput.Floor), nameof(AssetInput.Room), nameof(AssetInput.Rack),
            nameof(AssetInput.RackUnit), nameof(AssetInput.ResponsiblePersonId), nameof(AssetInput.OwningDepartmentId), nameof(AssetInput.Status)];
        var changed = typeof(AssetInput).GetProperties()
            .Where(p => p.Name != nameof(AssetInput.Location) && !told.Contains(p.Name) && !Equals(p.GetValue(before), p.GetValue(after)))
            .Select(p => p.Name == nameof(AssetInput.Hostname) || p.Name == nameof(AssetInput.MacAddress)
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Name}: {Show(p.GetValue(before)?.ToString())} → {Show(p.GetValue(after)?.ToString())}")
                : p.Name)
            .ToList();
        if (changed.Count > 0)
        {
            await history.RecordAsync(asset.Id, AssetEventKind.Edited, $"修改：{string.Join("，", changed)}", cancellationToken: cancellationToken);
        }
    }

    private async Task<string> AssignmentTextAsync(Asset asset, CancellationToken cancellationToken)
    {
        var person = asset.ResponsiblePersonId is { } id ? await people.FindAsync(id, cancellationToken) : null;
        var department = await db.Set<Department>().AsNoTracking().Where(d => d.Id == asset.OwningDepartmentId).Select(d => d.Name).SingleAsync(cancellationToken);
        return $"分配：{department}，责任人 {(person is null ? "（无）" : $"{person.Name}（{person.EmployeeNumber}）")}";
    }

    private async Task<Result<Asset>> ChangeAsync(long id, AssetPrecondition? precondition, Func<Asset, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var loaded = await register.LoadForChangeAsync(id, AssetsPermissions.Write, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Error!;
        }

        var asset = loaded.Value!;
        if (precondition?.Invoke(asset) is { } failed)
        {
            return failed;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            if (await change(asset) is { } refused)
            {
                // A refused change leaves nothing behind in the unit of work.
                await db.Entry(asset).ReloadAsync(cancellationToken);
                foreach (var added in db.ChangeTracker.Entries<AssetEvent>().Where(e => e.State == EntityState.Added).ToList())
                {
                    added.State = EntityState.Detached;
                }

                return refused;
            }

            if (db.Entry(asset).State == EntityState.Modified)
            {
                asset.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result<Asset>.Success(asset);
        }, cancellationToken);
    }

    private static string Show(string? text) => string.IsNullOrEmpty(text) ? "（空）" : text;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]*$")]
    private static partial Regex TagPattern();
}
