namespace Xinke.Modules.Assets.Requests;

/// <summary>
/// Filters of the request list: a status, a type, and a view — <c>mine</c> (filed by or for the
/// caller), <c>department</c> (the departments the caller reads), <c>queue</c> (approved, waiting for IT).
/// </summary>
public sealed record AssetRequestFilter(string? Status = null, string? View = null, long? TypeId = null)
{
    public const string Mine = "mine";
    public const string Department = "department";
    public const string Queue = "queue";
}
