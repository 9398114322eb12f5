using System.Security.Claims;

namespace Xinke.Kernel.Audit;

/// <summary>Who acts: an account (id and name), or <c>system</c>, or <c>cli:&lt;os user&gt;</c>; and from where.</summary>
public sealed record Actor(long? Id, string Name, string? ClientAddress = null, string? UserAgent = null)
{
    public static readonly Actor System = new(null, "system");

    public static Actor Console() => new(null, $"cli:{Environment.UserName}", "console");
}

/// <summary>
/// The actor of the current unit of work: the signed-in account of the request, or the actor a
/// console verb or background job declared with <see cref="Use"/>.
/// </summary>
public sealed class ActorAccessor(IHttpContextAccessor http)
{
    private const int MaxUserAgent = 512;
    private static readonly AsyncLocal<Actor?> Declared = new();

    public Actor Current => Declared.Value ?? FromRequest() ?? Actor.System;

    /// <summary>Makes <paramref name="actor"/> the actor until the returned scope is disposed.</summary>
    public static IDisposable Use(Actor actor)
    {
        var previous = Declared.Value;
        Declared.Value = actor;
        return new Scope(() => Declared.Value = previous);
    }

    private Actor? FromRequest()
    {
        var context = http.HttpContext;
        if (context is null)
        {
            return null;
        }

        var user = context.User;
        var id = long.TryParse(user.FindFirstValue(Identity.CurrentCaller.AccountClaim), out var parsed) ? parsed : (long?)null;
        var name = user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "unknown" : "anonymous";
        var agent = context.Request.Headers.UserAgent.ToString();
        return new Actor(id, name, context.Connection.RemoteIpAddress?.ToString(), agent.Length > MaxUserAgent ? agent[..MaxUserAgent] : agent);
    }

    private sealed class Scope(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
