namespace Xinke.Kernel.Backup;

/// <summary>A backup that cannot be made, read or restored, with a stable code the CLI prints and tests match.</summary>
public sealed class BackupException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
