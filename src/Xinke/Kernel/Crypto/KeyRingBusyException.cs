namespace Xinke.Kernel.Crypto;

/// <summary>Another process holds the key rings (a rotation, a re-encryption, a retirement or a backup); nothing was changed.</summary>
public sealed class KeyRingBusyException(string holder, DateTime until)
    : KeyRingException($"The key rings are in use by {holder} (lease until {until:u}, renewed while it runs; a stopped process's lapses within {KeyRingLock.LeaseDuration.TotalMinutes:0} minutes). Nothing was changed: run this again once it has finished.")
{
    public string Holder { get; } = holder;
}
