namespace Xinke.Modules.Staff.Trainings;

/// <summary>What a training session teaches; system-use sessions are about one information system.</summary>
public enum TrainingKind
{
    /// <summary>Using one information system (STAFF-01); a pass here is what account activation asks for (ACC-01).</summary>
    SystemUse,

    /// <summary>Information-security awareness (SEC-05), for all staff every year.</summary>
    SecurityAwareness,

    /// <summary>Confidentiality duties, given with the confidentiality agreement.</summary>
    Confidentiality,

    /// <summary>IT skills with a certificate that expires.</summary>
    ItSkills,
}

public static class TrainingKinds
{
    /// <summary>Whether a pass of this kind is a certificate that must carry an expiry date.</summary>
    public static bool RequiresCertificateExpiry(this TrainingKind kind) => kind == TrainingKind.ItSkills;
}
