using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Identity;

namespace Xinke.Modules.ServiceDesk.Knowledge;

/// <summary>
/// A handful of published articles on the faults clinical staff report most, so the fault form's
/// "search before you file" has something to suggest in a demo (打印机 finds 门诊打印机卡纸处理).
/// </summary>
public sealed class KnowledgeDemoSeeder(XinkeDb db, HumanCodes codes, TimeProvider clock) : IDemoSeeder, IBusinessRecords
{
    public static readonly (string Title, string Summary, string Body, string[] Tags)[] Articles =
    [
        ("门诊打印机卡纸处理", "处方、检验单打印机卡纸时，科室可先自行处理。",
            "## 步骤\n\n1. 关闭打印机电源。\n2. 打开前盖，取出硒鼓。\n3. 顺着走纸方向**轻轻**抽出卡住的纸张，不要撕碎。\n4. 装回硒鼓，合上前盖，开机打印测试页。\n\n仍卡纸：请在报修单中写明打印机位置和资产标签。", ["打印机", "卡纸"]),
        ("HIS 登录失败", "提示用户名或密码错误、账号锁定时的处理。",
            "## 先检查\n\n- 输入法是否为英文半角，大写锁定是否打开。\n- 连续输错 5 次账号会锁定 15 分钟，请稍后再试。\n\n## 仍无法登录\n\n请报修并注明工号；**不要**借用他人账号登录。", ["HIS", "登录", "密码"]),
        ("扫码枪无响应", "扫描腕带或条码时扫码枪不亮、不出声。",
            "1. 检查 USB 线是否插紧，换一个 USB 口。\n2. 扫描说明书上的“恢复出厂设置”条码。\n3. 在记事本中扫描任意条码，确认有输出。\n\n无输出：报修，写明工作站位置。", ["扫码枪", "腕带"]),
        ("电脑无法开机", "按电源键无反应或黑屏。",
            "1. 确认电源插座有电、电源线插紧。\n2. 显示器电源灯是否亮起，信号线是否松动。\n3. 长按电源键 10 秒后再开机。\n\n仍无法开机请报修，急用时联系护士站备用电脑。", ["电脑", "开机"]),
        ("无线网络断开", "移动查房推车、PDA 掉线。",
            "1. 确认连接的是医院内网无线（不是访客网络）。\n2. 关闭再打开无线开关。\n3. 在病区走廊信号较弱处会短暂断开，回到护士站附近再试。\n\n同一位置频繁断开请报修，写明病区与房间号。", ["无线网络", "PDA"]),
    ];

    public int Order => 710;

    public string Name => "knowledge";

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Set<KnowledgeArticle>().AnyAsync(cancellationToken);

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var author = await db.Set<RoleAssignment>().AsNoTracking()
            .Where(a => a.Role!.Name == BuiltInRoles.ItEngineer || a.Role!.Name == BuiltInRoles.ItDirector)
            .OrderBy(a => a.AccountId).Select(a => (long?)a.AccountId).FirstOrDefaultAsync(cancellationToken);
        if (author is not { } authorId)
        {
            progress.Report("knowledge: no IT engineer to write the articles, skipped");
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await AmbientTransaction.RunAsync(db, async () =>
        {
            foreach (var (title, summary, body, tags) in Articles)
            {
                var article = new KnowledgeArticle { Code = await codes.NextAsync(KnowledgeArticle.CodeKind, cancellationToken), Title = string.Empty, BodyMarkdown = string.Empty, AuthorId = authorId, CreatedAt = now };
                article.Apply(new KnowledgeInput(title, summary, body, Tags: tags), authorId, now);
                article.Publish(authorId, now);
                db.Add(article);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result<int>.Success(Articles.Length);
        }, cancellationToken);
        progress.Report(string.Create(CultureInfo.InvariantCulture, $"knowledge: {Articles.Length} published articles"));
    }
}
