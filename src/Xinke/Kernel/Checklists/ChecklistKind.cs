namespace Xinke.Kernel.Checklists;

/// <summary>What a checklist is for: inspections, loan returns, maintenance and stocktakes are all checklist runs.</summary>
public enum ChecklistKind
{
    MachineRoomInspection,
    SystemInspection,
    LoanReturnInspection,
    Maintenance,
    Stocktake,
    Other,
}

/// <summary>How an item is answered, and so how its reading is judged.</summary>
public enum ChecklistItemType
{
    /// <summary>Yes or no; the reading is out of line when it differs from the expected answer.</summary>
    YesNo,

    /// <summary>A number; out of line outside the minimum and maximum.</summary>
    Number,

    /// <summary>A text; out of line when it differs from the expected text (if one is set).</summary>
    Text,

    /// <summary>A photo only; out of line without one.</summary>
    Photo,
}

public enum ChecklistRunState
{
    InProgress,
    Completed,
}
