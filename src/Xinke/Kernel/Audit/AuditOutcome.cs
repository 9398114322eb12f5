namespace Xinke.Kernel.Audit;

public static class AuditOutcome
{
    public const string Success = "success";
    public const string Refused = "refused";
    public const string Failed = "failed";
}

public static class AuditAction
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
}
