namespace Xinke.Modules.ServiceDesk.Knowledge;

public static class KnowledgeErrors
{
    public const string NotFound = "kb.not_found";
    public const string InvalidTitle = "kb.invalid_title";
    public const string InvalidSummary = "kb.invalid_summary";
    public const string InvalidBody = "kb.invalid_body";
    public const string InvalidTags = "kb.invalid_tags";
    public const string UnknownSystem = "kb.unknown_system";
    public const string InvalidStatus = "kb.invalid_status";
    public const string Archived = "kb.archived";
    public const string AlreadyPublished = "kb.already_published";
    public const string NotPublished = "kb.not_published";
    public const string TicketNotResolved = "kb.ticket_not_resolved";
    public const string TicketNotFound = "kb.ticket_not_found";

    /// <summary>User feedback and problems are received and resolved promptly: the knowledge base is how answers are reused.</summary>
    public const string Requirement = "OPS-07";
}
