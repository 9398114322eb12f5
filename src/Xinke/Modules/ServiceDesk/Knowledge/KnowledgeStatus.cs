namespace Xinke.Modules.ServiceDesk.Knowledge;

/// <summary>Where an article stands: staff only ever see published ones.</summary>
public enum KnowledgeStatus
{
    Draft,
    Published,
    Archived,
}
