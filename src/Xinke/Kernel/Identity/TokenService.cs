using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;

namespace Xinke.Kernel.Identity;

public sealed record NewToken(AccessToken Token, string Secret);

/// <summary>Personal access tokens: minted from a session, never wider than their owner.</summary>
public sealed class TokenService(XinkeDb db, PermissionCatalog catalog, TimeProvider clock, IOptions<IdentityPolicyOptions> options, ILogger<TokenService> logger)
{
    public async Task<Result<NewToken>> CreateAsync(Caller owner, string? name, DateTime? expiresAt, IReadOnlyList<string>? permissions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (string.IsNullOrWhiteSpace(name) || name.Length > AccessToken.NameMaxLength)
        {
            return Error.Invalid(IdentityErrors.InvalidTokenName, "name");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (expiresAt is not { } expiry || expiry.ToUniversalTime() <= now || expiry.ToUniversalTime() > now.AddDays(options.Value.TokenMaxLifetimeDays))
        {
            return Error.Invalid(IdentityErrors.InvalidTokenExpiry, "expiresAt", options.Value.TokenMaxLifetimeDays);
        }

        if (permissions?.FirstOrDefault(p => !catalog.Exists(p)) is { } unknown)
        {
            return Error.Invalid(IdentityErrors.UnknownPermission, "permissions", unknown);
        }

        // Without a list the token takes what the owner holds today, and never what the owner gains later.
        var granted = permissions is null ? owner.Permissions.ToList() : permissions.Distinct(StringComparer.Ordinal).ToList();
        if (granted.Any(p => !owner.Has(p)))
        {
            return Error.Forbidden(IdentityErrors.TokenExceedsOwner);
        }

        var secret = Secrets.Token(TokenAuthenticationHandler.Prefix);
        var token = new AccessToken
        {
            AccountId = owner.Id,
            Name = name.Trim(),
            SecretHash = Secrets.Hash(secret),
            Permissions = granted,
            CreatedAt = now,
            ExpiresAt = expiry.ToUniversalTime(),
        };
        db.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Account {AccountId} created token {TokenId}", owner.Id, token.Id);
        return new NewToken(token, secret);
    }

    public Task<List<AccessToken>> ListAsync(long ownerId, CancellationToken cancellationToken) =>
        db.Set<AccessToken>().AsNoTracking().Where(t => t.AccountId == ownerId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);

    public async Task<bool> RevokeAsync(long ownerId, long tokenId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.Set<AccessToken>().Where(t => t.Id == tokenId && t.AccountId == ownerId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        if (revoked > 0)
        {
            logger.LogInformation("Account {AccountId} revoked token {TokenId}", ownerId, tokenId);
        }

        return revoked > 0 || await db.Set<AccessToken>().AnyAsync(t => t.Id == tokenId && t.AccountId == ownerId, cancellationToken);
    }
}
