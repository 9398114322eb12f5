using System.Globalization;

namespace Xinke.Kernel.Checklists;

/// <summary>One line of a template revision. Its rule judges a reading: within limits, or a finding.</summary>
public sealed class ChecklistItem
{
    public const int LabelMaxLength = 200;
    public const int UnitMaxLength = 20;
    public const int ExpectedTextMaxLength = 200;
    public const int ValueMaxLength = 500;

    public long Id { get; set; }

    public long RevisionId { get; set; }

    public int Position { get; set; }

    public required string Label { get; set; }

    public ChecklistItemType Type { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public string? Unit { get; set; }

    /// <summary>For a yes/no item: the answer that is in order (usually yes: "door locked?").</summary>
    public bool ExpectedYes { get; set; } = true;

    public string? ExpectedText { get; set; }

    public bool PhotoRequired { get; set; }

    public bool Required { get; set; } = true;

    /// <summary>Whether the item is well-formed: a label, limits in order, sizes within bounds.</summary>
    public Error? Check()
    {
        if (string.IsNullOrWhiteSpace(Label) || Label.Length > LabelMaxLength || !Enum.IsDefined(Type)
            || Unit?.Length > UnitMaxLength || ExpectedText?.Length > ExpectedTextMaxLength)
        {
            return Error.Invalid(ChecklistErrors.InvalidItem, "items");
        }

        if (Minimum is { } min && Maximum is { } max && min > max)
        {
            return Error.Invalid(ChecklistErrors.InvalidLimits, "items");
        }

        return null;
    }

    /// <summary>Judges a reading: whether it is in order; an unreadable value is invalid input, not a finding.</summary>
    public Result<bool> Judge(string? value, long? photoAttachmentId)
    {
        var text = value?.Trim();
        if (Type != ChecklistItemType.Photo && string.IsNullOrEmpty(text))
        {
            return Error.Invalid(ChecklistErrors.InvalidReading, "readings", Label);
        }

        if (text?.Length > ValueMaxLength)
        {
            return Error.Invalid(ChecklistErrors.InvalidReading, "readings", Label);
        }

        switch (Type)
        {
            case ChecklistItemType.YesNo:
                var yes = string.Equals(text, "yes", StringComparison.OrdinalIgnoreCase);
                if (!yes && !string.Equals(text, "no", StringComparison.OrdinalIgnoreCase))
                {
                    return Error.Invalid(ChecklistErrors.InvalidReading, "readings", Label);
                }

                return yes == ExpectedYes;
            case ChecklistItemType.Number:
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return Error.Invalid(ChecklistErrors.InvalidReading, "readings", Label);
                }

                return (Minimum is null || number >= Minimum) && (Maximum is null || number <= Maximum);
            case ChecklistItemType.Text:
                return ExpectedText is null || string.Equals(text, ExpectedText.Trim(), StringComparison.OrdinalIgnoreCase);
            case ChecklistItemType.Photo:
                return photoAttachmentId is not null;
            default:
                return Error.Invalid(ChecklistErrors.InvalidReading, "readings", Label);
        }
    }

    /// <summary>What was expected, for a finding's description: "18–27 °C", "yes", the expected text.</summary>
    public string Expectation() => Type switch
    {
        ChecklistItemType.YesNo => ExpectedYes ? "yes" : "no",
        ChecklistItemType.Number => $"{Limit(Minimum)}–{Limit(Maximum)} {Unit}".Trim(),
        ChecklistItemType.Text => ExpectedText ?? string.Empty,
        _ => "photo",
    };

    /// <summary>A limit as people write it: 18, not the 18.0000 a decimal column may give back.</summary>
    private static string Limit(decimal? limit) => limit?.ToString("0.####", CultureInfo.InvariantCulture) ?? "…";
}
