using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Files;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Files;
using Xinke.Tests.Modules.Staff;

namespace Xinke.Tests.Kernel.Crypto;

/// <summary>
/// An installation whose field key ring is in its data folder and whose attachments are encrypted
/// under a key file there, as a real one that rotates its keys is set up.
/// </summary>
public abstract class KeyRingTest(DatabaseKind kind) : AttachmentTest(kind)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Xinke:Crypto:FieldKey"] = string.Empty };

    protected ICryptoProvider Crypto => App.Services.GetRequiredService<ICryptoProvider>();

    protected FileCipher Cipher => App.Services.GetRequiredService<FileCipher>();

    protected string FilesKeyFile => Path.Combine(App.Database.DataFolder, "keys", "files-sm4.key");

    protected override void ConfigureFiles(FilesOptions options)
    {
        if (!File.Exists(FilesKeyFile))
        {
            KeyFiles.Write(FilesKeyFile, KeyFiles.Format([Sm4Gcm.NewKey()]), overwrite: false);
        }

        options.Encryption.Enabled = true;
        options.Encryption.KeyFile = FilesKeyFile;
    }

    /// <summary>Another instance on the same database and data folder: its own key rings, lease holder and caches, as another process has.</summary>
    protected XinkeApp OtherInstance() => new(App.Database, ConfigureServices, Settings);

    protected static async Task<T> InScopeAsync<T>(XinkeApp app, Func<KeyRotation, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<KeyRotation>());
    }

    protected static Task<string?> PhoneAsync(XinkeApp app, long personId) =>
        app.WithDbAsync(db => db.Set<Person>().Where(p => p.Id == personId).Select(p => p.Phone).SingleAsync(Cancel));

    protected async Task<long> PersonWithPhoneAsync(string phone)
    {
        var department = await StaffTestRecords.DepartmentAsync(App, "信息科" + Guid.NewGuid().ToString("N")[..6]);
        var id = await StaffTestRecords.PersonAsync(App, department, "王轮换");
        await WithDbAsync(async db =>
        {
            var person = await db.Set<Person>().SingleAsync(p => p.Id == id, Cancel);
            person.Phone = phone;
            return await db.SaveChangesAsync(Cancel);
        });
        return id;
    }

    protected static async Task AssertPhonesAsync(XinkeApp app, IReadOnlyList<(long Id, string Phone)> people)
    {
        foreach (var (id, phone) in people)
        {
            Assert.Equal(phone, await PhoneAsync(app, id));
        }
    }

    protected async Task<IReadOnlyList<(long Id, string Phone)>> PeopleAsync(int count)
    {
        var people = new List<(long, string)>();
        for (var i = 0; i < count; i++)
        {
            var phone = $"1370013700{i}";
            people.Add((await PersonWithPhoneAsync(phone), phone));
        }

        return people;
    }

    /// <summary>How many stored field values are sealed under <paramref name="keyId"/>.</summary>
    protected async Task<long> UsesAsync(string keyId) =>
        (await InScopeAsync(App, r => r.StatusAsync(Cancel))).Single(r => r.Ring == KeyRotation.FieldsRing).Keys.Single(k => k.KeyId == keyId).Count;

    /// <summary>Every key the rings hold or held, as the key files keep them (base64) and as bytes written out in hex.</summary>
    protected IReadOnlyList<string> KeyMaterial()
    {
        var folder = Path.Combine(App.Database.DataFolder, "keys");
        var keys = Directory.EnumerateFiles(folder, "*-sm4.key*")
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .SelectMany(f => KeyFiles.Parse(File.ReadAllText(f), f))
            .ToList();
        return [.. keys.Select(Convert.ToBase64String), .. keys.Select(Convert.ToHexString), .. keys.Select(k => Convert.ToHexString(k).ToLowerInvariant())];
    }
}
