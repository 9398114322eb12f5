namespace Xinke.Kernel.Improvements;

/// <summary>
/// What raised an action: its kind and a reference to the record (module, entity, id, label).
/// The reference is a label, not a foreign key: modules own their tables.
/// </summary>
public sealed record ImprovementSource(ImprovementSourceKind Kind, string? Module = null, string? Entity = null, long? EntityId = null, string? Label = null)
{
    public const int ModuleMaxLength = 64;
    public const int EntityMaxLength = 64;
    public const int LabelMaxLength = 200;
}
