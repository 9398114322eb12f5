using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;

namespace Xinke.Kernel.Checklists;

/// <summary>
/// Checklist templates and runs. Modules (machine rooms, equipment loans, maintenance,
/// stocktakes) start, record and complete runs through <see cref="StartRunAsync"/>,
/// <see cref="RecordReadingsAsync"/> and <see cref="CompleteAsync"/>, inside their own
/// transaction when they have one; the API checks department scope before calling them.
/// </summary>
public sealed class ChecklistService(
    XinkeDb db,
    HumanCodes codes,
    TimeProvider clock,
    CurrentCaller current,
    DepartmentScope scope,
    ImprovementActions improvements,
    IEnumerable<IChecklistRunCompleted> completionHandlers)
{
    public const string FindingModule = "checklists";
    public const string FindingEntity = "ChecklistRun";

    public async Task<TemplateView?> TemplateAsync(long id, int? revision, CancellationToken cancellationToken)
    {
        var template = await db.Set<ChecklistTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return null;
        }

        var number = revision ?? template.Revision;
        var found = await RevisionAsync(template.Id, number, cancellationToken);
        return found is null ? null : new TemplateView(template, found);
    }

    /// <summary>The template and the revision a run was started on: the items its readings answer.</summary>
    public async Task<TemplateView> RevisionOfRunAsync(ChecklistRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var template = await db.Set<ChecklistTemplate>().AsNoTracking().SingleAsync(t => t.Id == run.TemplateId, cancellationToken);
        var revision = await db.Set<ChecklistTemplateRevision>().AsNoTracking().Include(r => r.Items.OrderBy(i => i.Position)).SingleAsync(r => r.Id == run.RevisionId, cancellationToken);
        return new TemplateView(template, revision);
    }

    public async Task<Result<TemplateView>> CreateTemplateAsync(TemplateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ChecklistTemplate.ValidCode(input.Code))
        {
            return Error.Invalid(ChecklistErrors.InvalidCode, "code");
        }

        var template = new ChecklistTemplate
        {
            Code = input.Code!,
            Name = string.Empty,
            Revision = 1,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (await ApplyAsync(template, input.Name, input.Kind ?? ChecklistKind.Other, input.Description, input.FindingOwnerId, input.FindingDueDays ?? ChecklistTemplate.DefaultFindingDueDays, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var items = BuildItems(input.Items);
        if (!items.Succeeded)
        {
            return items.Error!;
        }

        if (await db.Set<ChecklistTemplate>().AnyAsync(t => t.Code == template.Code, cancellationToken))
        {
            return Error.Conflict(ChecklistErrors.CodeTaken);
        }

        var caller = await current.GetAsync(cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            db.Add(template);
            await db.SaveChangesAsync(cancellationToken);
            var revision = new ChecklistTemplateRevision { TemplateId = template.Id, Number = 1, CreatedAt = template.CreatedAt, CreatedById = caller?.Id, Items = items.Value! };
            db.Add(revision);
            await db.SaveChangesAsync(cancellationToken);
            return Result<TemplateView>.Success(new TemplateView(template, revision));
        }, cancellationToken);
    }

    public async Task<Result<TemplateView>> EditTemplateAsync(long id, TemplatePatch patch, Func<ChecklistTemplate, Error?>? precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var template = await db.Set<ChecklistTemplate>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return Error.NotFound(ChecklistErrors.TemplateNotFound);
        }

        if (precondition?.Invoke(template) is { } failed)
        {
            return failed;
        }

        if (await ApplyAsync(template, patch.Name ?? template.Name, patch.Kind ?? template.Kind, patch.Description ?? template.Description, patch.FindingOwnerId ?? template.FindingOwnerId, patch.FindingDueDays ?? template.FindingDueDays, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        template.Retired = patch.Retired ?? template.Retired;
        List<ChecklistItem>? items = null;
        if (patch.Items is not null)
        {
            var built = BuildItems(patch.Items);
            if (!built.Succeeded)
            {
                return built.Error!;
            }

            items = built.Value;
        }

        var caller = await current.GetAsync(cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            ChecklistTemplateRevision revision;
            if (items is null)
            {
                revision = (await RevisionAsync(template.Id, template.Revision, cancellationToken))!;
            }
            else
            {
                template.Revision++;
                revision = new ChecklistTemplateRevision { TemplateId = template.Id, Number = template.Revision, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = caller?.Id, Items = items };
                db.Add(revision);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result<TemplateView>.Success(new TemplateView(template, revision));
        }, cancellationToken);
    }

    /// <summary>Starts a run of the template's current revision, performed by the caller.</summary>
    public async Task<Result<ChecklistRun>> StartRunAsync(string? templateCode, ChecklistSubject subject, string? location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return Error.Unauthenticated("request.unauthenticated");
        }

        var template = await db.Set<ChecklistTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Code == templateCode, cancellationToken);
        if (template is null)
        {
            return Error.Invalid(ChecklistErrors.TemplateNotFound, "templateCode");
        }

        if (template.Retired)
        {
            return Error.Conflict(ChecklistErrors.Retired);
        }

        if (!subject.IsValid || (subject.DepartmentId is { } department && !await db.Set<Department>().AnyAsync(d => d.Id == department, cancellationToken)))
        {
            return Error.Invalid(ChecklistErrors.InvalidSubject, "subject");
        }

        if (location?.Length > ChecklistRun.LocationMaxLength)
        {
            return Error.Invalid(ChecklistErrors.InvalidSubject, "location");
        }

        var revisionId = await db.Set<ChecklistTemplateRevision>().Where(r => r.TemplateId == template.Id && r.Number == template.Revision).Select(r => r.Id).SingleAsync(cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var run = new ChecklistRun
            {
                Code = await codes.NextAsync(ChecklistRun.CodeKind, cancellationToken),
                TemplateId = template.Id,
                RevisionId = revisionId,
                SubjectType = subject.Type.Trim(),
                SubjectId = subject.Id,
                SubjectLabel = subject.Label.Trim(),
                DepartmentId = subject.DepartmentId,
                Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim(),
                PerformedById = caller.Id,
                StartedAt = clock.GetUtcNow().UtcDateTime,
                State = ChecklistRunState.InProgress,
            };
            db.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            return Result<ChecklistRun>.Success(run);
        }, cancellationToken);
    }

    /// <summary>Records (or re-records) readings while the run is in progress; each is judged by its item's rule.</summary>
    public async Task<Result<ChecklistRun>> RecordReadingsAsync(long runId, IReadOnlyList<ReadingInput>? readings, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return Error.Unauthenticated("request.unauthenticated");
        }

        if (readings is null || readings.Count == 0 || readings.Count > ChecklistTemplate.MaxItems || readings.Select(r => r.ItemId).Distinct().Count() != readings.Count)
        {
            return Error.Invalid(ChecklistErrors.InvalidReading, "readings", string.Empty);
        }

        var run = await db.Set<ChecklistRun>().Include(r => r.Readings).SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return Error.NotFound(ChecklistErrors.RunNotFound);
        }

        if (run.State != ChecklistRunState.InProgress)
        {
            return Error.Conflict(ChecklistErrors.NotInProgress);
        }

        var items = await db.Set<ChecklistItem>().AsNoTracking().Where(i => i.RevisionId == run.RevisionId).ToDictionaryAsync(i => i.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var input in readings)
        {
            if (!items.TryGetValue(input.ItemId, out var item))
            {
                return Error.Invalid(ChecklistErrors.UnknownItem, "readings");
            }

            if (input.Note?.Length > ChecklistReading.NoteMaxLength || input.PhotoAttachmentId <= 0)
            {
                return Error.Invalid(ChecklistErrors.InvalidReading, "readings", item.Label);
            }

            if (input.PhotoAttachmentId is { } photo && !await IsPhotoOfAsync(photo, run.Id, cancellationToken))
            {
                return Error.Invalid(ChecklistErrors.InvalidPhoto, "readings", item.Label);
            }

            var judged = item.Judge(input.Value, input.PhotoAttachmentId);
            if (!judged.Succeeded)
            {
                return judged.Error!;
            }

            var reading = run.Readings.SingleOrDefault(r => r.ItemId == item.Id);
            if (reading is null)
            {
                reading = new ChecklistReading { RunId = run.Id, ItemId = item.Id };
                run.Readings.Add(reading);
            }

            reading.Value = input.Value?.Trim();
            reading.Ok = judged.Value;
            reading.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
            reading.PhotoAttachmentId = input.PhotoAttachmentId;
            reading.RecordedById = caller.Id;
            reading.RecordedAt = now;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result<ChecklistRun>.Success(run);
        }, cancellationToken);
    }

    /// <summary>
    /// Completes the run: every required item read, every photo-required item photographed; each
    /// reading out of line raises a finding in the improvement register (owned by the template's
    /// finding owner, else by the performer), then the modules listening are told.
    /// </summary>
    public async Task<Result<ChecklistCompletion>> CompleteAsync(long runId, CancellationToken cancellationToken)
    {
        var run = await db.Set<ChecklistRun>().Include(r => r.Readings).SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return Error.NotFound(ChecklistErrors.RunNotFound);
        }

        var template = await db.Set<ChecklistTemplate>().AsNoTracking().SingleAsync(t => t.Id == run.TemplateId, cancellationToken);
        var items = await db.Set<ChecklistItem>().AsNoTracking().Where(i => i.RevisionId == run.RevisionId).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        if (run.Complete(items, clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        var owner = await FindingOwnerAsync(template, run, cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var findings = new List<ImprovementAction>();
            var byItem = items.ToDictionary(i => i.Id);
            foreach (var reading in run.Readings.Where(r => !r.Ok).OrderBy(r => byItem[r.ItemId].Position))
            {
                var item = byItem[reading.ItemId];
                var source = new ImprovementSource(ImprovementSourceKind.Finding, FindingModule, FindingEntity, run.Id, Cut($"{run.Code} · {item.Label}", ImprovementSource.LabelMaxLength));
                var raised = await improvements.RaiseAsync(source, FindingDescription(template, run, item, reading), owner, improvements.Today.AddDays(template.FindingDueDays), cancellationToken, run.DepartmentId);
                if (!raised.Succeeded)
                {
                    return raised.Error!;
                }

                reading.FindingId = raised.Value!.Id;
                findings.Add(raised.Value);
            }

            await db.SaveChangesAsync(cancellationToken);
            var completion = new ChecklistCompletion(run, template, findings);
            foreach (var handler in completionHandlers)
            {
                if (await handler.OnCompletedAsync(completion, cancellationToken) is { } handlerRefused)
                {
                    return handlerRefused;
                }
            }

            return Result<ChecklistCompletion>.Success(completion);
        }, cancellationToken);
    }

    /// <summary>The runs the caller reaches with <paramref name="permission"/> (department scope applied).</summary>
    public Task<IQueryable<ChecklistRun>> VisibleRunsAsync(string permission, CancellationToken cancellationToken) =>
        scope.ApplyAsync(db.Set<ChecklistRun>().AsNoTracking(), permission, r => r.DepartmentId, cancellationToken);

    /// <summary>A photo of a reading is an image attached to that same run, and not voided.</summary>
    private Task<bool> IsPhotoOfAsync(long attachmentId, long runId, CancellationToken cancellationToken) =>
        db.Set<Attachment>().AnyAsync(
            a => a.Id == attachmentId && a.OwnerType == ChecklistRunAttachments.OwnerType && a.OwnerId == runId && a.VoidedAt == null && a.ContentType.StartsWith("image/"),
            cancellationToken);

    public async Task<bool> CanReachRunAsync(long runId, string permission, CancellationToken cancellationToken) =>
        await (await VisibleRunsAsync(permission, cancellationToken)).AnyAsync(r => r.Id == runId, cancellationToken);

    private static string FindingDescription(ChecklistTemplate template, ChecklistRun run, ChecklistItem item, ChecklistReading reading)
    {
        var value = item.Type == ChecklistItemType.Photo ? "—" : $"{reading.Value} {item.Unit}".Trim();
        var text = string.Create(CultureInfo.InvariantCulture, $"{template.Name} / {run.SubjectLabel} / {item.Label}: {value} ≠ {item.Expectation()}");
        if (reading.Note is not null)
        {
            text += $" — {reading.Note}";
        }

        return Cut(text, ImprovementAction.DescriptionMaxLength);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private async Task<long> FindingOwnerAsync(ChecklistTemplate template, ChecklistRun run, CancellationToken cancellationToken)
    {
        // A finding owner who has since left (account disabled) must not block completion: the performer takes it.
        if (template.FindingOwnerId is { } owner && await db.Set<Account>().AnyAsync(a => a.Id == owner && a.State == AccountState.Active, cancellationToken))
        {
            return owner;
        }

        return run.PerformedById;
    }

    private Task<ChecklistTemplateRevision?> RevisionAsync(long templateId, int number, CancellationToken cancellationToken) =>
        db.Set<ChecklistTemplateRevision>().AsNoTracking().Include(r => r.Items.OrderBy(i => i.Position))
            .SingleOrDefaultAsync(r => r.TemplateId == templateId && r.Number == number, cancellationToken);

    private async Task<Error?> ApplyAsync(ChecklistTemplate template, string? name, ChecklistKind kind, string? description, long? findingOwnerId, int findingDueDays, CancellationToken cancellationToken)
    {
        if (!ChecklistTemplate.ValidName(name))
        {
            return Error.Invalid(ChecklistErrors.InvalidName, "name");
        }

        if (!Enum.IsDefined(kind))
        {
            return Error.Invalid(ChecklistErrors.InvalidKind, "kind");
        }

        if (description?.Length > ChecklistTemplate.DescriptionMaxLength)
        {
            return Error.Invalid(ChecklistErrors.InvalidName, "description");
        }

        if (!ChecklistTemplate.ValidDueDays(findingDueDays))
        {
            return Error.Invalid(ChecklistErrors.InvalidDueDays, "findingDueDays");
        }

        if (findingOwnerId is { } owner && owner != template.FindingOwnerId
            && !await db.Set<Account>().AnyAsync(a => a.Id == owner && a.State == AccountState.Active, cancellationToken))
        {
            return Error.Invalid(ImprovementErrors.UnknownOwner, "findingOwnerId");
        }

        template.Name = name!.Trim();
        template.Kind = kind;
        template.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        template.FindingOwnerId = findingOwnerId;
        template.FindingDueDays = findingDueDays;
        return null;
    }

    private static Result<List<ChecklistItem>> BuildItems(IReadOnlyList<ItemInput>? inputs)
    {
        if (inputs is null || inputs.Count == 0 || inputs.Count > ChecklistTemplate.MaxItems)
        {
            return Error.Invalid(ChecklistErrors.InvalidItems, "items");
        }

        var items = new List<ChecklistItem>(inputs.Count);
        foreach (var (input, position) in inputs.Select((input, index) => (input, index + 1)))
        {
            if (input.Type is null)
            {
                return Error.Invalid(ChecklistErrors.InvalidItem, "items");
            }

            var item = new ChecklistItem
            {
                Position = position,
                Label = input.Label?.Trim() ?? string.Empty,
                Type = input.Type.Value,
                Minimum = input.Type == ChecklistItemType.Number ? input.Minimum : null,
                Maximum = input.Type == ChecklistItemType.Number ? input.Maximum : null,
                Unit = input.Type == ChecklistItemType.Number && !string.IsNullOrWhiteSpace(input.Unit) ? input.Unit.Trim() : null,
                ExpectedYes = input.ExpectedYes ?? true,
                ExpectedText = input.Type == ChecklistItemType.Text && !string.IsNullOrWhiteSpace(input.ExpectedText) ? input.ExpectedText.Trim() : null,
                PhotoRequired = input.PhotoRequired ?? input.Type == ChecklistItemType.Photo,
                Required = input.Required ?? true,
            };
            if (item.Check() is { } invalid)
            {
                return invalid;
            }

            items.Add(item);
        }

        return items;
    }
}
