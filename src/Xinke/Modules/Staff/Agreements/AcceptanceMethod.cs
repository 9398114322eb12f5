namespace Xinke.Modules.Staff.Agreements;

/// <summary>How a person accepted an agreement: on screen, or on paper with the signed scan kept.</summary>
public enum AcceptanceMethod
{
    Electronic,
    SignedScan,
}
