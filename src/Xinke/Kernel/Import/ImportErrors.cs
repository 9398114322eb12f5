namespace Xinke.Kernel.Import;

/// <summary>Stable codes of import problems: file-level ones refuse the whole file, row-level ones name a row and column.</summary>
public static class ImportErrors
{
    public const string FileMissing = "import.file_missing";
    public const string TooLarge = "import.too_large";
    public const string TooManyRows = "import.too_many_rows";
    public const string Malformed = "import.malformed_file";
    public const string Empty = "import.empty_file";
    public const string MissingColumns = "import.missing_columns";
    public const string DuplicateColumn = "import.duplicate_column";
    public const string InvalidMode = "import.invalid_mode";

    public const string Required = "import.row.required";
    public const string TooLong = "import.row.too_long";
    public const string InvalidDate = "import.row.invalid_date";
    public const string InvalidChoice = "import.row.invalid_choice";
    public const string DuplicateInFile = "import.row.duplicate_in_file";
}
