using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Modules.Systems;

namespace Xinke.Modules.ServiceDesk.Knowledge;

/// <summary>A check a change must pass before it is made, such as If-Match or a form's version.</summary>
public delegate Error? KnowledgePrecondition(KnowledgeArticle article);

/// <summary>
/// The knowledge base's use cases, one transaction each. Readers with <see cref="ServiceDeskPermissions.KbRead"/>
/// only ever see published articles; writers see drafts and archived ones too. The knowledge base
/// is hospital-wide: no department scope.
/// </summary>
public sealed class KnowledgeBase(XinkeDb db, HumanCodes codes, TimeProvider clock, CurrentCaller current, InformationSystems systems, KnowledgeSearch search, IStringLocalizer<SharedResource> localizer)
{
    public KnowledgeSearch Search => search;

    /// <summary>The articles the caller may see: all for writers, the published ones for everyone else.</summary>
    public async Task<IQueryable<KnowledgeArticle>> VisibleAsync(CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var all = db.Set<KnowledgeArticle>().AsNoTracking();
        if (caller is null)
        {
            return all.Where(a => false);
        }

        return caller.Has(ServiceDeskPermissions.KbWrite) ? all : all.Where(a => a.Status == KnowledgeStatus.Published);
    }

    public async Task<bool> CanWriteAsync(CancellationToken cancellationToken) =>
        (await current.GetAsync(cancellationToken))?.Has(ServiceDeskPermissions.KbWrite) == true;

    public async Task<KnowledgeArticle?> FindAsync(long id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(cancellationToken)).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>The texts an article had before its edits, newest first.</summary>
    public async Task<IReadOnlyList<KnowledgeRevision>> RevisionsAsync(long id, CancellationToken cancellationToken) =>
        await db.Set<KnowledgeRevision>().AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);

    /// <summary>Counts a reading; outside the version and the audit trail, so readers never make an editor's If-Match stale.</summary>
    public Task CountViewAsync(long id, CancellationToken cancellationToken) =>
        db.Set<KnowledgeArticle>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Views, a => a.Views + 1), cancellationToken);

    /// <summary>Writes a draft; <paramref name="sourceTicketId"/> names the ticket it was written from.</summary>
    public async Task<Result<KnowledgeArticle>> CreateAsync(KnowledgeInput input, CancellationToken cancellationToken, long? sourceTicketId = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var author = await current.GetAsync(cancellationToken);
        if (author is null)
        {
            return Error.Unauthenticated("request.unauthenticated");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var article = new KnowledgeArticle { Code = string.Empty, Title = string.Empty, BodyMarkdown = string.Empty, AuthorId = author.Id, CreatedAt = now, SourceTicketId = sourceTicketId };
        var applied = article.Apply(input, author.Id, now);
        if (!applied.Succeeded)
        {
            return applied.Error!;
        }

        if (await ReferenceErrorAsync(input, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            article.Code = await codes.NextAsync(KnowledgeArticle.CodeKind, cancellationToken);
            db.Add(article);
            await db.SaveChangesAsync(cancellationToken);
            return Result<KnowledgeArticle>.Success(article);
        }, cancellationToken);
    }

    /// <summary>Edits an article: <paramref name="change"/> turns its current fields into the wanted ones (a form, a merge patch).</summary>
    public Task<Result<KnowledgeArticle>> EditAsync(long id, Func<KnowledgeInput, Result<KnowledgeInput>> change, KnowledgePrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async (article, caller, now) =>
        {
            ArgumentNullException.ThrowIfNull(change);
            var wanted = change(KnowledgeInput.From(article));
            if (!wanted.Succeeded)
            {
                return wanted.Error;
            }

            if (await ReferenceErrorAsync(wanted.Value!, cancellationToken) is { } unknown)
            {
                return unknown;
            }

            var applied = article.Apply(wanted.Value!, caller.Id, now);
            if (!applied.Succeeded)
            {
                return applied.Error;
            }

            if (applied.Value is { } replaced)
            {
                db.Add(replaced);
            }

            return null;
        }, cancellationToken);

    public Task<Result<KnowledgeArticle>> PublishAsync(long id, KnowledgePrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, (article, caller, now) => Task.FromResult(article.Publish(caller.Id, now)), cancellationToken);

    public Task<Result<KnowledgeArticle>> ArchiveAsync(long id, KnowledgePrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, (article, _, now) => Task.FromResult(article.Archive(now)), cancellationToken);

    /// <summary>
    /// Records whether the article helped the caller: one vote per reader, a second one replaces
    /// the first. Only published articles take votes. The counts are recomputed from the votes.
    /// </summary>
    public async Task<Result<KnowledgeArticle>> VoteAsync(long id, bool? helpful, CancellationToken cancellationToken)
    {
        if (helpful is not { } value)
        {
            return Error.Invalid("request.invalid", "helpful");
        }

        var caller = await current.GetAsync(cancellationToken);
        var article = await FindAsync(id, cancellationToken);
        if (caller is null || article is null)
        {
            return Error.NotFound(KnowledgeErrors.NotFound);
        }

        if (article.Status != KnowledgeStatus.Published)
        {
            return Error.Conflict(KnowledgeErrors.NotPublished);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var votes = db.Set<KnowledgeVote>();
        var result = await AmbientTransaction.RunAsync(db, async () =>
        {
            var vote = await votes.SingleOrDefaultAsync(v => v.ArticleId == id && v.AccountId == caller.Id, cancellationToken);
            if (vote is null)
            {
                db.Add(new KnowledgeVote { ArticleId = id, AccountId = caller.Id, Helpful = value, VotedAt = now });
            }
            else
            {
                vote.Helpful = value;
                vote.VotedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            await db.Set<KnowledgeArticle>().Where(a => a.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(a => a.HelpfulVotes, a => votes.Count(v => v.ArticleId == a.Id && v.Helpful))
                    .SetProperty(a => a.UnhelpfulVotes, a => votes.Count(v => v.ArticleId == a.Id && !v.Helpful)),
                cancellationToken);
            return Result<bool>.Success(true);
        }, cancellationToken);
        return result.Succeeded ? (await FindAsync(id, cancellationToken))! : result.Error!;
    }

    /// <summary>
    /// A draft written from a resolved or closed ticket: its title, the symptom as the reporter
    /// described it, the cause and what was done. Comments are never copied, so an internal
    /// comment cannot reach staff through an article.
    /// </summary>
    public async Task<Result<KnowledgeArticle>> CreateFromTicketAsync(long ticketId, CancellationToken cancellationToken)
    {
        var ticket = await db.Set<Ticket>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return Error.NotFound(KnowledgeErrors.TicketNotFound);
        }

        if (ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed))
        {
            return Error.Conflict(KnowledgeErrors.TicketNotResolved, null, ticket.Code);
        }

        var cause = ticket.Cause is { } category ? localizer[$"fault.cause.{category}"].Value : null;
        var body = string.Join("\n\n",
            $"## {localizer["kb.from_ticket.symptom"].Value}",
            ticket.Description,
            $"## {localizer["kb.from_ticket.cause"].Value}",
            string.Join(" — ", new[] { cause, ticket.RootCause }.Where(t => !string.IsNullOrWhiteSpace(t))),
            $"## {localizer["kb.from_ticket.resolution"].Value}",
            ticket.Resolution ?? string.Empty);
        var title = ticket.Title.Length > KnowledgeArticle.TitleMaxLength ? ticket.Title[..KnowledgeArticle.TitleMaxLength] : ticket.Title;
        return await CreateAsync(new KnowledgeInput(title, null, body, ticket.CategoryId, ticket.SystemId), cancellationToken, ticket.Id);
    }

    /// <summary>The system named must be in the register.</summary>
    private async Task<Error?> ReferenceErrorAsync(KnowledgeInput input, CancellationToken cancellationToken) =>
        input.SystemId is { } system && await systems.FindAsync(system, cancellationToken) is null
            ? Error.Invalid(KnowledgeErrors.UnknownSystem, "systemId")
            : null;

    private async Task<Result<KnowledgeArticle>> ChangeAsync(long id, KnowledgePrecondition? precondition, Func<KnowledgeArticle, Caller, DateTime, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var article = await db.Set<KnowledgeArticle>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null || caller is null)
        {
            return Error.NotFound(KnowledgeErrors.NotFound);
        }

        if (precondition?.Invoke(article) is { } failed)
        {
            return failed;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            if (await change(article, caller, clock.GetUtcNow().UtcDateTime) is { } refused)
            {
                // A refused change leaves nothing behind in the unit of work.
                await db.Entry(article).ReloadAsync(cancellationToken);
                return refused;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result<KnowledgeArticle>.Success(article);
        }, cancellationToken);
    }
}
