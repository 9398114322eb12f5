namespace Xinke.Kernel.Notifications;

/// <summary>Where an outbox message goes: a person's e-mail, or a chat robot of one of the three platforms.</summary>
public enum Channel
{
    Email,
    WeCom,
    DingTalk,
    Feishu,
}
