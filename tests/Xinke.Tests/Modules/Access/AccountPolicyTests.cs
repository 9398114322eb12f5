using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Modules.Access.Policy;
using Xinke.Modules.Organization.People;

namespace Xinke.Tests.Modules.Access;

/// <summary>
/// The daily account policy (ACC-04): idle accounts and leavers' accounts are flagged and disabled,
/// audited with the reason and told to the security administrator; administrators are never
/// disabled for idleness.
/// </summary>
public abstract class AccountPolicyTests(DatabaseKind kind) : AccessTest(kind)
{
    public sealed class OnSqlite() : AccountPolicyTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AccountPolicyTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACC-04")]
    public async Task The_policy_disables_an_account_idle_for_ninety_days_but_not_one_used_since_nor_an_administrator()
    {
        var security = await CreateUserAsync("an.quan", BuiltInRoles.SecAdmin);
        var idle = await CreateUserAsync("xian.zhi", BuiltInRoles.Staff);
        var used = await CreateUserAsync("chang.yong", BuiltInRoles.Staff);
        var system = await CreateUserAsync("xi.tong", BuiltInRoles.SysAdmin);

        Clock.Advance(TimeSpan.FromDays(89));
        await SignInAsync(used);
        await RunJobAsync("access.account-policy");
        Assert.Equal(AccountState.Active, (await ReloadAsync(idle.Id)).State);

        Clock.Advance(TimeSpan.FromDays(1));
        await RunJobAsync("access.account-policy");
        await RunJobAsync("access.account-policy");

        Assert.Equal(AccountState.Disabled, (await ReloadAsync(idle.Id)).State);
        Assert.Equal(AccountState.Active, (await ReloadAsync(used.Id)).State);
        Assert.Equal(AccountState.Active, (await ReloadAsync(system.Id)).State);
        Assert.Equal(AccountState.Active, (await ReloadAsync(security.Id)).State);
        var flag = await WithDbAsync(db => db.Set<AccountFlag>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal((idle.Id, FlagReason.Inactive), (flag.AccountId, flag.Reason));
        Assert.NotNull(flag.DisabledAt);
        var audited = await WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().SingleAsync(e => e.Action == AccountPolicy.DisabledAction, Cancel));
        Assert.Equal(idle.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audited.EntityId);
        Assert.Contains("inactive", audited.Changes, StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => i.AccountId == security.Id && i.Kind == AccountPolicy.DisabledKind, Cancel)));
    }

    [Fact]
    [Trait("Req", "ACC-04")]
    public async Task The_policy_disables_the_account_of_a_person_who_has_left()
    {
        var leaver = await CreateUserAsync("li.zhi", BuiltInRoles.Staff);
        await PersonAsync("C900", "已离职人员", Cardiology, leaver, PersonStatus.Left);
        var stays = await CreateUserAsync("zai.zhi", BuiltInRoles.Staff);
        await PersonAsync("C901", "在职人员", Cardiology, stays);

        await RunJobAsync("access.account-policy");

        Assert.Equal(AccountState.Disabled, (await ReloadAsync(leaver.Id)).State);
        Assert.Equal(AccountState.Active, (await ReloadAsync(stays.Id)).State);
        var flag = await WithDbAsync(db => db.Set<AccountFlag>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal((leaver.Id, FlagReason.Left), (flag.AccountId, flag.Reason));
        Assert.True(await WithDbAsync(db => db.Set<AuditEvent>().AnyAsync(e => e.Action == AccountPolicy.DisabledAction && e.EntityId == leaver.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Cancel)));
    }
}
