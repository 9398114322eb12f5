namespace Xinke.Kernel.Import;

/// <summary>Strict imports nothing when any row fails; lenient imports the good rows and reports the rest.</summary>
public enum ImportMode
{
    Strict,
    Lenient,
}
