using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Evidence.Documents;

/// <summary>
/// The evidence documents' use cases. Readers of the compliance view see the hospital's documents
/// and, when their roles are department-scoped, those of their departments; writers keep them.
/// </summary>
public sealed class EvidenceDocuments(XinkeDb db, DepartmentScope scope, HumanCodes codes, RequirementCatalogue catalogue, HospitalClock hospital, TimeProvider clock)
{
    public const string CodeKind = "ZJ";

    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>The documents the caller may see (a department-scoped reader: the hospital's and their departments').</summary>
    public async Task<IQueryable<EvidenceDocument>> VisibleAsync(CancellationToken cancellationToken)
    {
        var documents = db.Set<EvidenceDocument>().AsNoTracking().Include(d => d.Requirements);
        var reachable = await scope.DepartmentsAsync(EvidencePermissions.Read, cancellationToken);
        return reachable is null ? documents : documents.Where(d => d.DepartmentId == null || reachable.Contains(d.DepartmentId.Value));
    }

    public async Task<EvidenceDocument?> FindAsync(long id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(cancellationToken)).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>Each document's revisions: the attachments that are not voided, the newest current.</summary>
    public async Task<IReadOnlyDictionary<long, EvidenceDocumentRevisions>> RevisionsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var files = await db.Set<Attachment>().AsNoTracking()
            .Where(a => a.OwnerType == EvidenceDocument.OwnerType && ids.Contains(a.OwnerId) && a.VoidedAt == null)
            .Select(a => new { a.OwnerId, a.Id, a.Sm3 }).ToListAsync(cancellationToken);
        return files.GroupBy(f => f.OwnerId).ToDictionary(g => g.Key, g =>
        {
            var current = g.MaxBy(f => f.Id)!;
            return new EvidenceDocumentRevisions(current.Id, current.Sm3, g.Count());
        });
    }

    public async Task<Result<EvidenceDocument>> CreateAsync(EvidenceDocumentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await ValidateAsync(input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var document = new EvidenceDocument
        {
            Code = await codes.NextAsync(CodeKind, cancellationToken),
            Title = input.Title!.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Apply(document, input);
        db.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return document;
    }

    public async Task<Result<EvidenceDocument>> EditAsync(long id, Func<EvidenceDocumentInput, Result<EvidenceDocumentInput>> change, Func<EvidenceDocument, Error?> expectVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(expectVersion);
        if (await FindAsync(id, cancellationToken) is null)
        {
            return Error.NotFound(EvidenceDocumentErrors.NotFound);
        }

        var document = await db.Set<EvidenceDocument>().Include(d => d.Requirements).SingleAsync(d => d.Id == id, cancellationToken);
        if (expectVersion(document) is { } stale)
        {
            return stale;
        }

        var changed = change(InputOf(document));
        if (!changed.Succeeded)
        {
            return changed.Error!;
        }

        if (await ValidateAsync(changed.Value!, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        document.Title = changed.Value!.Title!.Trim();
        Apply(document, changed.Value);
        await db.SaveChangesAsync(cancellationToken);
        return document;
    }

    public static EvidenceDocumentInput InputOf(EvidenceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new EvidenceDocumentInput(
            document.Title, document.Kind, [.. document.Requirements.Select(r => r.RequirementId)], document.CoversFrom, document.CoversTo,
            document.ExpiresOn, document.OwnerAccountId, document.DepartmentId, document.Note);
    }

    private static void Apply(EvidenceDocument document, EvidenceDocumentInput input)
    {
        document.Kind = input.Kind ?? EvidenceDocumentKind.Other;
        document.CoversFrom = input.CoversFrom!.Value;
        document.CoversTo = input.CoversTo;
        if (document.ExpiresOn != input.ExpiresOn)
        {
            document.ExpiryNoticeFor = null;
        }

        document.ExpiresOn = input.ExpiresOn;
        document.OwnerAccountId = input.OwnerAccountId!.Value;
        document.DepartmentId = input.DepartmentId;
        document.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var wanted = input.RequirementIds!.Select(r => r.Trim()).ToHashSet(StringComparer.Ordinal);
        document.Requirements.RemoveAll(r => !wanted.Contains(r.RequirementId));
        foreach (var id in wanted.Where(id => document.Requirements.All(r => r.RequirementId != id)))
        {
            document.Requirements.Add(new EvidenceDocumentRequirement { RequirementId = id });
        }
    }

    private async Task<Error?> ValidateAsync(EvidenceDocumentInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > EvidenceDocument.TitleMaxLength)
        {
            return Error.Invalid(EvidenceDocumentErrors.TitleRequired, "title", EvidenceDocument.TitleMaxLength);
        }

        if (input.RequirementIds is not { Count: > 0 })
        {
            return Error.Invalid(EvidenceDocumentErrors.RequirementsRequired, "requirementIds");
        }

        if (input.RequirementIds.FirstOrDefault(id => !catalogue.Contains(id.Trim())) is { } unknown)
        {
            return Error.Invalid(EvidenceDocumentErrors.UnknownRequirement, "requirementIds", unknown);
        }

        if (input.CoversFrom is not { } from)
        {
            return Error.Invalid(EvidenceDocumentErrors.CoverageRequired, "coversFrom");
        }

        if (input.CoversTo is { } to && to < from)
        {
            return Error.Invalid(EvidenceDocumentErrors.CoverageReversed, "coversTo");
        }

        if (input.ExpiresOn is { } expires && expires <= from)
        {
            return Error.Invalid(EvidenceDocumentErrors.ExpiryBeforeCoverage, "expiresOn");
        }

        if (input.Note is { Length: > EvidenceDocument.NoteMaxLength })
        {
            return Error.Invalid(EvidenceDocumentErrors.NoteTooLong, "note", EvidenceDocument.NoteMaxLength);
        }

        if (input.OwnerAccountId is not { } owner || !await db.Set<Account>().AnyAsync(a => a.Id == owner && a.State != AccountState.Disabled, cancellationToken))
        {
            return Error.Invalid(EvidenceDocumentErrors.OwnerNotFound, "ownerAccountId");
        }

        if (input.DepartmentId is { } department && !await db.Set<Department>().AnyAsync(d => d.Id == department, cancellationToken))
        {
            return Error.Invalid(EvidenceDocumentErrors.DepartmentNotFound, "departmentId");
        }

        return null;
    }
}
