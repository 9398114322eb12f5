namespace Xinke;

/// <summary>Marker for the shared string table (Resources/SharedResource.*.resx): zh-CN neutral, en-US.</summary>
public sealed class SharedResource;
