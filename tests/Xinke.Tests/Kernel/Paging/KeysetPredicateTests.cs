using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Departments;
using Xinke.Modules.Assets.Register;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Paging;

/// <summary>
/// The statement a page after a cursor sends. It must open with a range on the sort key, so the
/// database starts the index scan at the cursor: the plain (key &gt; v) OR (key = v AND id &gt; last)
/// made PostgreSQL, planning without fresh statistics, read the large hospital's 200,000 assets
/// from the first index entry for every deep page (1.5 s a page).
/// </summary>
public abstract class KeysetPredicateTests(DatabaseKind kind) : IntegrationTest(kind)
{
    private static readonly SortKey<Asset, string> ByTag = new("tag", a => a.Tag);

    public sealed class OnSqlite() : KeysetPredicateTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : KeysetPredicateTests(DatabaseKind.Postgres);

    [Theory]
    [InlineData(false, ">=", ">", ">")]
    [InlineData(true, "<=", "<", "<")]
    public async Task A_page_after_a_cursor_opens_with_a_range_on_the_sort_key(bool descending, string from, string beyond, string idBeyond)
    {
        var sql = await App.WithDbAsync(db => Task.FromResult(PageAfter(db, descending).ToQueryString()));

        var where = sql[sql.IndexOf("WHERE", StringComparison.Ordinal)..sql.IndexOf("ORDER BY", StringComparison.Ordinal)];
        // SQLite's statements quote the table alias, PostgreSQL's do not.
        Assert.Matches($"""^WHERE "?a"?\."Tag" {from} @\w+ AND \("?a"?\."Tag" {beyond} @\w+ OR "?a"?\."Id" {idBeyond} @\w+\)\s*$""", where);
    }

    [Fact]
    public async Task Every_page_after_a_cursor_holds_exactly_the_rows_beyond_it()
    {
        string[] tags = ["ZC-001", "ZC-002", "ZC-003", "ZC-004"];
        await App.WithDbAsync(async db =>
        {
            var department = new Department { Name = "信息中心", Kind = DepartmentKind.Department, Path = "/" };
            db.Add(department);
            await db.SaveChangesAsync(Cancel);
            db.AddRange(tags.Reverse().Select(tag => new Asset { Tag = tag, TypeId = AssetType.BuiltIns[0].Id, OwningDepartmentId = department.Id, Status = AssetStatus.InUse }));
            return await db.SaveChangesAsync(Cancel);
        });

        var ascending = await App.WithDbAsync(db => After(db, "ZC-002", descending: false));
        var descending = await App.WithDbAsync(db => After(db, "ZC-003", descending: true));

        Assert.Equal(["ZC-003", "ZC-004"], ascending);
        Assert.Equal(["ZC-002", "ZC-001"], descending);
    }

    private static IQueryable<Asset> PageAfter(XinkeDb db, bool descending, string tag = "ZC-000", long id = 0) =>
        ByTag.Order(ByTag.After(db.Set<Asset>(), CursorPosition.Of(tag, id), descending, a => a.Id), descending, a => a.Id).Take(51);

    private static async Task<List<string>> After(XinkeDb db, string tag, bool descending)
    {
        var id = await db.Set<Asset>().Where(a => a.Tag == tag).Select(a => a.Id).SingleAsync(Cancel);
        return await PageAfter(db, descending, tag, id).Select(a => a.Tag).ToListAsync(Cancel);
    }
}
