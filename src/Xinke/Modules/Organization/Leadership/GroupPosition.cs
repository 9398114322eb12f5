namespace Xinke.Modules.Organization.Leadership;

/// <summary>A member's place in the IT leadership group (信息化领导小组).</summary>
public enum GroupPosition
{
    /// <summary>组长: one at a time; a group without one is a gap (ORG-01).</summary>
    Leader,

    /// <summary>副组长.</summary>
    Deputy,

    /// <summary>成员.</summary>
    Member,

    /// <summary>秘书: keeps the minutes.</summary>
    Secretary,
}
