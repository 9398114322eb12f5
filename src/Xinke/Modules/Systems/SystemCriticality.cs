namespace Xinke.Modules.Systems;

/// <summary>How much the hospital depends on a system: critical ones run 7x24 and carry the strictest backup targets.</summary>
public enum SystemCriticality
{
    Critical,
    High,
    Medium,
    Low,
}
