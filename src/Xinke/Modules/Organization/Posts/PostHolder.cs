using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Organization.Posts;

/// <summary>A person holding a post from one day until another; a person may hold several posts at once.</summary>
public sealed class PostHolder : IVersioned
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public long PersonId { get; set; }

    /// <summary>First day held, in the hospital's calendar.</summary>
    public DateOnly From { get; set; }

    /// <summary>Last day held; null while held.</summary>
    public DateOnly? Until { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    public bool IsHeldOn(DateOnly day) => From <= day && (Until is null || Until >= day);

    public Error? End(DateOnly until)
    {
        if (Until is not null)
        {
            return Error.Conflict(PostErrors.HoldingEnded);
        }

        if (until < From)
        {
            return Error.Invalid(PostErrors.InvalidDates, "until");
        }

        Until = until;
        return null;
    }
}
