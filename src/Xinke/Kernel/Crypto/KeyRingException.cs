namespace Xinke.Kernel.Crypto;

/// <summary>A key operation refused before it changed anything; the message says why and what to do.</summary>
public sealed class KeyRingException(string message) : Exception(message);
