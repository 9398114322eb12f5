namespace Xinke.Modules.Staff.Agreements;

/// <summary>Which agreement a text is a version of; confidentiality (保密协议) is the one the regulations ask for.</summary>
public enum AgreementKind
{
    Confidentiality,
}
