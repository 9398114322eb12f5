namespace Xinke.Kernel.Audit;

/// <summary>
/// Every entity is audited unless its class carries this attribute, which must say why
/// (for example: the chain's own tables, or a counter implied by the audited record that used it).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>A property whose value never reaches the audit trail (password hashes, token hashes, secrets).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
