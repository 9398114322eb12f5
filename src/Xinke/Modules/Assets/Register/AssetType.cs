using System.Text.RegularExpressions;
using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Assets.Register;

/// <summary>
/// A kind of device. The thirteen built-in types ship with every installation (they are seeded by the
/// migration, so the ids are the same everywhere); the IT director adds the hospital's own and may
/// retire any from new entries.
/// </summary>
public sealed partial class AssetType : IVersioned
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 64;

    public long Id { get; set; }

    /// <summary>A short Latin code, lower-case (<c>server</c>, <c>medical-gateway</c>), unique.</summary>
    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public bool BuiltIn { get; set; }

    /// <summary>Inactive types stay on their assets but are not offered for new ones.</summary>
    public bool Active { get; set; } = true;

    /// <summary>New assets of this type are key devices unless said otherwise (EQ-01: routers, switches, servers…).</summary>
    public bool KeyDeviceByDefault { get; set; }

    /// <summary>A workstation (PC, terminal): needs a responsible person even without a recorded network identity (ORG-05).</summary>
    public bool IsWorkstation { get; set; }

    public long Version { get; set; }

    public string NameIn(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? NameEn : NameZh;

    /// <summary>The built-in types, with the ids the migration gives them.</summary>
    public static IReadOnlyList<AssetType> BuiltIns { get; } =
    [
        Seed(1, "server", "服务器", "Server", key: true),
        Seed(2, "storage", "存储设备", "Storage", key: true),
        Seed(3, "switch", "交换机", "Switch", key: true),
        Seed(4, "router", "路由器", "Router", key: true),
        Seed(5, "firewall", "防火墙", "Firewall", key: true),
        Seed(6, "pc", "台式计算机", "PC", workstation: true),
        Seed(7, "laptop", "笔记本电脑", "Laptop", workstation: true),
        Seed(8, "printer", "打印机", "Printer"),
        Seed(9, "scanner", "扫描仪", "Scanner"),
        Seed(10, "terminal", "终端", "Terminal", workstation: true),
        Seed(11, "ups", "UPS电源", "UPS"),
        Seed(12, "medical-gateway", "医疗设备网关", "Medical-device gateway"),
        Seed(13, "other", "其他", "Other"),
    ];

    /// <summary>Checks and takes a new type's fields; the code's uniqueness needs the database.</summary>
    public static Result<AssetType> Create(string? code, string? nameZh, string? nameEn, bool keyDeviceByDefault, bool isWorkstation)
    {
        var normalized = code?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(normalized) || normalized.Length > CodeMaxLength || !CodePattern().IsMatch(normalized))
        {
            return Error.Invalid(AssetTypeErrors.InvalidCode, "code", CodeMaxLength);
        }

        var zh = nameZh?.Trim();
        if (string.IsNullOrEmpty(zh) || zh.Length > NameMaxLength)
        {
            return Error.Invalid(AssetTypeErrors.InvalidName, "nameZh", NameMaxLength);
        }

        var en = nameEn?.Trim();
        if (string.IsNullOrEmpty(en) || en.Length > NameMaxLength)
        {
            return Error.Invalid(AssetTypeErrors.InvalidName, "nameEn", NameMaxLength);
        }

        return new AssetType { Code = normalized, NameZh = zh, NameEn = en, KeyDeviceByDefault = keyDeviceByDefault, IsWorkstation = isWorkstation };
    }

    /// <summary>Gives the type new names in both languages (the code stays: imports and exports name types by it).</summary>
    public Error? Rename(string? nameZh, string? nameEn)
    {
        var zh = nameZh?.Trim();
        if (string.IsNullOrEmpty(zh) || zh.Length > NameMaxLength)
        {
            return Error.Invalid(AssetTypeErrors.InvalidName, "nameZh", NameMaxLength);
        }

        var en = nameEn?.Trim();
        if (string.IsNullOrEmpty(en) || en.Length > NameMaxLength)
        {
            return Error.Invalid(AssetTypeErrors.InvalidName, "nameEn", NameMaxLength);
        }

        NameZh = zh;
        NameEn = en;
        return null;
    }

    private static AssetType Seed(long id, string code, string zh, string en, bool key = false, bool workstation = false) =>
        new() { Id = id, Code = code, NameZh = zh, NameEn = en, BuiltIn = true, Active = true, KeyDeviceByDefault = key, IsWorkstation = workstation, Version = 1 };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex CodePattern();
}
