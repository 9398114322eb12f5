namespace Xinke.Kernel.Evidence.Tuning;

public static class FrameworkTuningErrors
{
    public const string FileRequired = "compliance_framework.file_required";
    public const string Invalid = "compliance_framework.invalid";
    public const string Shipped = "compliance_framework.shipped";
    public const string ThresholdsRequired = "compliance_framework.thresholds_required";
    public const string UnknownThreshold = "compliance_framework.unknown_threshold";
    public const string InvalidValue = "compliance_framework.invalid_value";
    public const string ReasonRequired = "compliance_framework.reason_required";
}
