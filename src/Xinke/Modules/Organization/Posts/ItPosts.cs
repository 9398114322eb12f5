using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Posts;

/// <summary>A change an API or page asks for on a post, and the precondition (If-Match) it must pass first.</summary>
public delegate Error? PostPrecondition(Post post);

/// <summary>
/// The IT department's posts and their holders (ORG-04), and who of the IT staff holds no post.
/// Other modules may ask <see cref="PostsOfPersonAsync"/> and <see cref="ItStaffAsync"/>.
/// </summary>
public sealed class ItPosts(XinkeDb db, TimeProvider clock, HospitalClock hospital)
{
    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    public IQueryable<Post> Posts() => db.Set<Post>().AsNoTracking();

    public async Task<PostDto?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var post = await Posts().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return post is null ? null : (await ToDtosAsync([post], cancellationToken))[0];
    }

    /// <summary>The posts with their holders, past and present (current ones first).</summary>
    public async Task<IReadOnlyList<PostDto>> ToDtosAsync(IReadOnlyList<Post> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var ids = posts.Select(p => p.Id).ToList();
        var holders = await db.Set<PostHolder>().AsNoTracking().Where(h => ids.Contains(h.PostId)).ToListAsync(cancellationToken);
        // People of this module are read directly: the directory's filtered lookups do not translate yet.
        var personIds = holders.Select(h => h.PersonId).Distinct().ToList();
        var persons = await db.Set<Person>().AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.EmployeeNumber }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var today = Today;
        return
        [
            .. posts.Select(p => new PostDto(
                p.Id,
                p.Name,
                p.Responsibilities,
                p.ResponsibilitiesRevisedAt,
                p.Status,
                [
                    .. holders.Where(h => h.PostId == p.Id)
                        .OrderByDescending(h => h.IsHeldOn(today)).ThenBy(h => h.From)
                        .Select(h => new HolderDto(h.Id, h.PostId, h.PersonId, persons.GetValueOrDefault(h.PersonId)?.Name, persons.GetValueOrDefault(h.PersonId)?.EmployeeNumber, h.From, h.Until, h.IsHeldOn(today))),
                ],
                p.CreatedAt,
                p.Version)),
        ];
    }

    /// <summary>The names of the posts a person holds on <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<string>> PostsOfPersonAsync(long personId, DateOnly day, CancellationToken cancellationToken) =>
        await (from h in db.Set<PostHolder>()
               join p in db.Set<Post>() on h.PostId equals p.Id
               where h.PersonId == personId && h.From <= day && (h.Until == null || h.Until >= day)
               orderby p.Name
               select p.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// The IT staff on <paramref name="day"/>: accounts not disabled that hold an IT role
    /// (it-director, it-engineer, duty-operator), with the posts their person holds. An account
    /// linked to no person holds no post.
    /// </summary>
    public async Task<IReadOnlyList<ItStaffDto>> ItStaffAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var staff = await ItStaff().Select(a => new { a.Id, a.DisplayName, a.PersonId }).OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);
        var personIds = staff.Where(s => s.PersonId != null).Select(s => s.PersonId!.Value).ToList();
        var held = await (from h in db.Set<PostHolder>()
                          join p in db.Set<Post>() on h.PostId equals p.Id
                          where personIds.Contains(h.PersonId) && h.From <= day && (h.Until == null || h.Until >= day)
                          select new { h.PersonId, p.Name }).ToListAsync(cancellationToken);
        return [.. staff.Select(s => new ItStaffDto(s.Id, s.DisplayName, s.PersonId, [.. held.Where(h => h.PersonId == s.PersonId).Select(h => h.Name).Order(StringComparer.Ordinal)]))];
    }

    public async Task<IReadOnlyList<ItStaffDto>> ItStaffWithoutPostAsync(DateOnly day, CancellationToken cancellationToken) =>
        [.. (await ItStaffAsync(day, cancellationToken)).Where(s => s.Posts.Count == 0)];

    public async Task<Result<Post>> CreateAsync(PostInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Post.ValidName(input.Name))
        {
            return Error.Invalid(PostErrors.InvalidName, "name");
        }

        if (!Post.ValidResponsibilities(input.Responsibilities))
        {
            return Error.Invalid(PostErrors.InvalidResponsibilities, "responsibilities");
        }

        var name = input.Name!.Trim();
        if (await db.Set<Post>().AnyAsync(p => p.Name == name && p.Status == PostStatus.Active, cancellationToken))
        {
            return Error.Invalid(PostErrors.DuplicateName, "name");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var post = new Post { Name = name, Responsibilities = input.Responsibilities!.Trim(), ResponsibilitiesRevisedAt = now, Status = PostStatus.Active, CreatedAt = now };
        db.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        return post;
    }

    public Task<Result<Post>> EditAsync(long id, PostInput patch, PostPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async post =>
        {
            ArgumentNullException.ThrowIfNull(patch);
            var name = patch.Name?.Trim();
            if (name is not null && name != post.Name && await db.Set<Post>().AnyAsync(p => p.Id != post.Id && p.Name == name && p.Status == PostStatus.Active, cancellationToken))
            {
                return Error.Invalid(PostErrors.DuplicateName, "name");
            }

            return post.Revise(patch.Name, patch.Responsibilities, clock.GetUtcNow().UtcDateTime);
        }, cancellationToken);

    /// <summary>Retires a post nobody holds any more: its holders must be moved to other posts first (ORG-04).</summary>
    public Task<Result<Post>> RetireAsync(long id, PostPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async post =>
        {
            var today = Today;
            if (await db.Set<PostHolder>().AnyAsync(h => h.PostId == post.Id && (h.Until == null || h.Until >= today), cancellationToken))
            {
                return Error.Conflict(PostErrors.HasHolders, PostErrors.Requirement);
            }

            return post.Retire();
        }, cancellationToken);

    public async Task<Result<PostHolder>> AssignAsync(long postId, HolderInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var post = await Posts().SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return Error.NotFound(PostErrors.NotFound);
        }

        if (post.Status == PostStatus.Retired)
        {
            return Error.Conflict(PostErrors.Retired, PostErrors.Requirement);
        }

        var person = input.PersonId is { } personId
            ? await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Id, p.Status }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (person is null || person.Status == PersonStatus.Left)
        {
            return Error.Invalid(PostErrors.UnknownPerson, "personId");
        }

        var from = input.From ?? Today;
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            if (await db.Set<PostHolder>().AnyAsync(h => h.PostId == postId && h.PersonId == person.Id && (h.Until == null || h.Until >= from), cancellationToken))
            {
                return Error.Conflict(PostErrors.AlreadyHeld);
            }

            var holder = new PostHolder { PostId = postId, PersonId = person.Id, From = from, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(holder);
            await db.SaveChangesAsync(cancellationToken);
            return Result<PostHolder>.Success(holder);
        }, cancellationToken);
    }

    public async Task<Result<PostHolder>> EndHoldingAsync(long holderId, EndHoldingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var holder = await db.Set<PostHolder>().SingleOrDefaultAsync(h => h.Id == holderId, cancellationToken);
        if (holder is null)
        {
            return Error.NotFound(PostErrors.HolderNotFound);
        }

        if (holder.End(input.Until ?? Today) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        return holder;
    }

    /// <summary>Accounts, not disabled, holding one of the IT roles.</summary>
    private IQueryable<Account> ItStaff()
    {
        var roles = db.Set<Role>().Where(r => PostsPermissions.ItRoles.Contains(r.Name)).Select(r => r.Id);
        return db.Set<Account>().AsNoTracking()
            .Where(a => a.State != AccountState.Disabled && db.Set<RoleAssignment>().Any(r => r.AccountId == a.Id && roles.Contains(r.RoleId)));
    }

    private async Task<Result<Post>> ChangeAsync(long id, PostPrecondition? precondition, Func<Post, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (post is null)
        {
            return Error.NotFound(PostErrors.NotFound);
        }

        if (precondition?.Invoke(post) is { } failed)
        {
            return failed;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            if (await change(post) is { } refused)
            {
                return refused;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result<Post>.Success(post);
        }, cancellationToken);
    }
}
