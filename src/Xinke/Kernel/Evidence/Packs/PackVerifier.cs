using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Xinke.Kernel.Files;

namespace Xinke.Kernel.Evidence.Packs;

/// <summary>
/// The outcome of checking a pack. Valid only when the signature holds over the manifest and
/// every file matches it: none changed, none added, none removed.
/// </summary>
public sealed record PackVerification(bool SignatureValid, string? PublicKey, PackManifest? Manifest, IReadOnlyList<string> Changed, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    public bool Valid => SignatureValid && Manifest is not null && Changed.Count == 0 && Added.Count == 0 && Removed.Count == 0;
}

/// <summary>
/// Checks an evidence pack on its own: the SM2 signature over manifest.json with the public key
/// beside it, every file's SM3 against the manifest, and that the ZIP holds exactly the
/// manifest's files plus the seal. Whether the key is this installation's is the caller's
/// question (<see cref="PackVerification.PublicKey"/>).
/// </summary>
public static class PackVerifier
{
    public static async Task<PackVerification> VerifyAsync(Stream pack, CancellationToken cancellationToken)
    {
        await using var zip = new ZipArchive(pack, ZipArchiveMode.Read, leaveOpen: true);
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        var manifestBytes = await ReadAsync(zip, PackManifest.ManifestEntry, cancellationToken);
        var signature = await ReadAsync(zip, PackManifest.SignatureEntry, cancellationToken);
        var pem = await ReadAsync(zip, PackManifest.PublicKeyEntry, cancellationToken);
        var publicKey = pem is null ? null : PackSignature.PublicKeyOf(Encoding.ASCII.GetString(pem));
        var signed = manifestBytes is not null && signature is not null && publicKey is not null && PackSignature.Verify(publicKey, manifestBytes, signature);

        var manifest = manifestBytes is null ? null : Parse(manifestBytes);
        var changed = new List<string>();
        var removed = new List<string>();
        if (!signed || manifest is null)
        {
            // Without a trustworthy manifest no digest can be believed: the seal itself is what changed.
            changed.AddRange(PackManifest.SealEntries.Where(s => entries.Any(e => e.FullName == s)).Order(StringComparer.Ordinal));
            removed.AddRange(PackManifest.SealEntries.Where(s => entries.All(e => e.FullName != s)).Order(StringComparer.Ordinal));
            if (manifest is null)
            {
                return new PackVerification(false, publicKey, null, changed, [], removed);
            }
        }

        var listed = manifest.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var added = entries.Select(e => e.FullName).Where(n => !listed.ContainsKey(n) && !PackManifest.SealEntries.Contains(n)).Order(StringComparer.Ordinal).ToList();
        foreach (var file in manifest.Files)
        {
            var entry = entries.FirstOrDefault(e => e.FullName == file.Path);
            if (entry is null)
            {
                removed.Add(file.Path);
                continue;
            }

            await using var content = await entry.OpenAsync(cancellationToken);
            if (await Sm3Hasher.OfAsync(content, cancellationToken) != file.Sm3)
            {
                changed.Add(file.Path);
            }
        }

        return new PackVerification(signed, publicKey, manifest, changed, added, removed);
    }

    public static async Task<PackVerification> VerifyFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await VerifyAsync(file, cancellationToken);
    }

    private static PackManifest? Parse(byte[] bytes)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<PackManifest>(bytes, PackManifest.Json);
            return manifest?.Files is null ? null : manifest;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<byte[]?> ReadAsync(ZipArchive zip, string name, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(name);
        if (entry is null)
        {
            return null;
        }

        await using var stream = await entry.OpenAsync(cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
