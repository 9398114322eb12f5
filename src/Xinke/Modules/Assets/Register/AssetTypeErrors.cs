namespace Xinke.Modules.Assets.Register;

public static class AssetTypeErrors
{
    public const string InvalidCode = "asset_type.invalid_code";
    public const string InvalidName = "asset_type.invalid_name";
    public const string CodeTaken = "asset_type.code_taken";
}
