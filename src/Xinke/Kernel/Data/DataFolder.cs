namespace Xinke.Kernel.Data;

/// <summary>
/// Where Xinke keeps what is not in the database: the SQLite file, keys, the file store.
/// <c>XINKE_DATA_DIR</c> (or <c>Xinke:DataDir</c>) moves it; the default is <c>./data</c>.
/// </summary>
public sealed class DataFolder
{
    public DataFolder(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["XINKE_DATA_DIR"] ?? configuration["Xinke:DataDir"];
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
    }

    public string Root { get; }

    public string SqliteFile => Path.Combine(Root, "xinke.db");

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public void EnsureExists() => Directory.CreateDirectory(Root);
}
