using Xinke.Modules.ServiceDesk.Knowledge;

namespace Xinke.Modules.ServiceDesk.Pages.Knowledge;

/// <summary>The model of <c>_KnowledgeSuggest</c>: the id of the field to watch, and the hits a "search first" post already found.</summary>
public sealed record KnowledgeSuggestBox(string FieldId, IReadOnlyList<KnowledgeHit> Hits);
