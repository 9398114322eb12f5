using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Identity;

/// <summary>Accounts, as the system administrator manages them, and their roles, as the security administrator grants them.</summary>
public static class UsersApi
{
    public static readonly ListDefinition<Account> List = new ListDefinition<Account>("users", a => a.Id, "userName")
        .SortBy("id", a => a.Id)
        .SortBy("userName", a => a.UserName)
        .SortBy("displayName", a => a.DisplayName)
        .SortBy("createdAt", a => a.CreatedAt);

    public static WebApplication MapUsersApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var users = app.MapGroup("/api/v1/users").WithTags("Identity");
        users.MapGet("/", ListAsync).RequirePermission(KernelPermissions.UsersRead).WithName("ListUsers").WithSummary("Accounts, paged.");
        users.MapGet("/{id:long}", GetAsync).RequirePermission(KernelPermissions.UsersRead).WithName("GetUser").WithSummary("One account.");
        users.MapPost("/", CreateAsync).RequirePermission(KernelPermissions.UsersWrite).WithName("CreateUser").WithSummary("Create a pending account with a one-time password.");
        users.MapPost("/{id:long}/activate", (long id, AccountService accounts, HttpContext http, CancellationToken ct) => VerbAsync(accounts.ActivateAsync(id, ct), http))
            .RequirePermission(KernelPermissions.UsersWrite).WithName("ActivateUser").WithSummary("Activate a pending account.");
        users.MapPost("/{id:long}/disable", (long id, AccountService accounts, HttpContext http, CancellationToken ct) => VerbAsync(accounts.DisableAsync(id, ct), http))
            .RequirePermission(KernelPermissions.UsersWrite).WithName("DisableUser").WithSummary("Disable an account; its sessions end.");
        users.MapPost("/{id:long}/enable", (long id, AccountService accounts, HttpContext http, CancellationToken ct) => VerbAsync(accounts.EnableAsync(id, ct), http))
            .RequirePermission(KernelPermissions.UsersWrite).WithName("EnableUser").WithSummary("Enable a disabled account.");
        users.MapPost("/{id:long}/unlock", (long id, AccountService accounts, HttpContext http, CancellationToken ct) => VerbAsync(accounts.UnlockAsync(id, ct), http))
            .RequirePermission(KernelPermissions.UsersWrite).WithName("UnlockUser").WithSummary("Lift a lockout.");
        users.MapPost("/{id:long}/rename", (long id, RenameInput input, AccountService accounts, HttpContext http, CancellationToken ct) => VerbAsync(accounts.RenameAsync(id, input.UserName, ct), http))
            .RequirePermission(KernelPermissions.UsersWrite).WithName("RenameUser").WithSummary("Give an account another user name (the bootstrap administrators should be renamed).");
        users.MapPost("/{id:long}/reset-password", ResetPasswordAsync)
            .RequirePermission(KernelPermissions.UsersWrite).WithName("ResetUserPassword").WithSummary("Issue a one-time password.");
        users.MapPut("/{id:long}/roles", SetRolesAsync)
            .RequirePermission(KernelPermissions.RolesGrant).WithName("SetUserRoles").WithSummary("Replace an account's roles.");
        return app;
    }

    private static async Task<Results<Ok<Page<UserDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var query = db.Set<Account>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            if (request.Q.Length > ListRequest.MaxQueryLength)
            {
                return ApiProblems.From(http, Error.Invalid("request.invalid", "q"));
            }

            query = query.Where(a => a.UserName.Contains(request.Q) || a.DisplayName.Contains(request.Q));
        }

        var page = await List.PageAsync(query, request, UserDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<Results<Ok<UserDto>, NotFound>> GetAsync(long id, XinkeDb db, CancellationToken cancellationToken)
    {
        var account = await db.Set<Account>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return account is null ? TypedResults.NotFound() : TypedResults.Ok(UserDto.From(account));
    }

    private static async Task<Results<Created<NewUserDto>, ProblemHttpResult>> CreateAsync(UserInput input, AccountService accounts, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await accounts.CreateAsync(input.UserName, input.DisplayName, input.PersonId, AccountState.Pending, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        var account = created.Value!.Account;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/users/{account.Id}", new NewUserDto(account.Id, account.UserName, account.DisplayName, account.State, created.Value.OneTimePassword));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> VerbAsync(Task<Error?> verb, HttpContext http)
    {
        var error = await verb;
        return error is null ? TypedResults.NoContent() : ApiProblems.From(http, error);
    }

    private static async Task<Results<Ok<OneTimePasswordDto>, ProblemHttpResult>> ResetPasswordAsync(long id, AccountService accounts, HttpContext http, CancellationToken cancellationToken)
    {
        var reset = await accounts.ResetPasswordAsync(id, cancellationToken);
        if (!reset.Succeeded)
        {
            return ApiProblems.From(http, reset.Error!);
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new OneTimePasswordDto(reset.Value!));
    }

    private static async Task<Results<Ok<AssignmentsDto>, ProblemHttpResult>> SetRolesAsync(long id, AssignmentsInput input, CurrentCaller current, RoleService roles, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var set = await roles.SetAssignmentsAsync(caller, id, input.Assignments, cancellationToken);
        return set.Succeeded
            ? TypedResults.Ok(new AssignmentsDto([.. (input.Assignments ?? []).DistinctBy(a => (a.Role, a.DepartmentId)).Select(a => new RoleRefDto(a.Role!, a.DepartmentId))]))
            : ApiProblems.From(http, set.Error!);
    }
}
