namespace Xinke.Kernel.Web.Export;

/// <summary>One column of an export: the resource key of its header and how to read its cell.</summary>
public sealed record ExportColumn<T>(string HeaderKey, Func<T, object?> Value);
