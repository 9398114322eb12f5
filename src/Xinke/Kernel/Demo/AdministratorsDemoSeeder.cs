using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Demo;

/// <summary>
/// The demo hospital has its three administrators like a real one (the security administrator
/// decides permission requests). They keep the bootstrap rules: a one-time password, shown once
/// on the console only, to be changed with a second factor enrolled at the first log-in. Nothing
/// is made when the installation already has them (<c>serve</c> bootstraps before <c>--demo</c>).
/// </summary>
public sealed class AdministratorsDemoSeeder(BootstrapService bootstrap) : IDemoSeeder
{
    public int Order => 0;

    public string Name => "administrators";

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var administrators = await bootstrap.RunAsync(cancellationToken);
        if (!administrators.Succeeded)
        {
            throw new InvalidOperationException($"The administrators could not be made ({administrators.Error!.Code}); {BootstrapService.PasswordVariable} must satisfy the password policy.");
        }

        foreach (var credential in administrators.Value!)
        {
            progress.Report($"administrators: {credential.UserName} one-time password {credential.Password}");
        }
    }
}
