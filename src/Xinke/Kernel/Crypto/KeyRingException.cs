namespace Xinke.Kernel.Crypto;

public class KeyRingException(string message) : Exception(message);
