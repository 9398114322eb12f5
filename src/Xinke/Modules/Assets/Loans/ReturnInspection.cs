using Xinke.Kernel;

namespace Xinke.Modules.Assets.Loans;

/// <summary>The return inspection as checked: every answer given, texts trimmed.</summary>
public sealed record ReturnInspection(string Condition, bool AccessoriesComplete, bool DataWiped, bool Damaged, string? Notes)
{
    /// <summary>
    /// The inspection from a return body; a missing answer is 400 on its field naming EQ-03 (the
    /// loan does not close without the inspection).
    /// </summary>
    public static Result<ReturnInspection> From(ReturnInput? input)
    {
        var condition = input?.Condition?.Trim();
        if (string.IsNullOrEmpty(condition))
        {
            return Missing("condition");
        }

        if (condition.Length > AssetLoan.TextMaxLength)
        {
            return Error.Invalid(LoanErrors.InvalidText, "condition", AssetLoan.TextMaxLength);
        }

        if (input!.AccessoriesComplete is not { } accessories)
        {
            return Missing("accessoriesComplete");
        }

        if (input.DataWiped is not { } wiped)
        {
            return Missing("dataWiped");
        }

        if (input.Damaged is not { } damaged)
        {
            return Missing("damaged");
        }

        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (notes?.Length > AssetLoan.NotesMaxLength)
        {
            return Error.Invalid(LoanErrors.InvalidText, "notes", AssetLoan.NotesMaxLength);
        }

        return new ReturnInspection(condition, accessories, wiped, damaged, notes);
    }

    private static Error Missing(string field) => new(LoanErrors.InspectionRequired, ErrorKind.Invalid, field, LoanErrors.Requirement);
}
