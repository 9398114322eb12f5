namespace Xinke.Modules.ServiceDesk.Tickets;

public static class TicketEnums
{
    /// <summary>Parses an enumeration's name as the API writes it ("inProgress", "in_progress", "InProgress"); numbers are refused.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text?.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}
