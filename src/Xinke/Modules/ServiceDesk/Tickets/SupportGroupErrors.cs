namespace Xinke.Modules.ServiceDesk.Tickets;

public static class SupportGroupErrors
{
    public const string NotFound = "support_group.not_found";
    public const string InvalidName = "support_group.invalid_name";
    public const string DuplicateName = "support_group.duplicate_name";
    public const string UnknownAccount = "support_group.unknown_account";
    public const string NotAnEngineer = "support_group.not_an_engineer";
    public const string NotAMember = "support_group.not_a_member";
}
