namespace Xinke.Modules.Systems;

/// <summary>The classes of data a system holds (数据分类分级), combinable.</summary>
[Flags]
public enum DataClasses
{
    None = 0,
    General = 1,
    Important = 2,
    Core = 4,
}
