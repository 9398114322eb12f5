using System.Globalization;
using SpreadCheetah;

namespace Xinke.Bench;

/// <summary>
/// The inventory sheet scripts/bench imports (<c>import-sheet FILE ROWS TYPE DEPARTMENT</c>): a
/// hospital's device count as a supplier's spreadsheet brings it, every row valid, headed by the
/// import's column keys. Tags are left empty so the register issues them, as for a first inventory.
/// </summary>
public static class ImportSheet
{
    public const string Command = "import-sheet";

    private static readonly string[] Headers =
        ["type", "make", "model", "serial", "supplier", "purchaseDate", "purchasePrice", "warrantyEnd", "campus", "building", "floor", "room", "department", "status", "hostname", "notes"];

    private static readonly string[] Makes = ["联想", "华为", "戴尔", "惠普", "浪潮"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 5 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var rows) || rows < 1)
        {
            await Console.Error.WriteLineAsync($"usage: {Command} FILE ROWS TYPE DEPARTMENT");
            return 2;
        }

        await WriteAsync(args[1], rows, args[3], args[4]);
        return 0;
    }

    public static async Task WriteAsync(string path, int rows, string type, string department)
    {
        await using var file = File.Create(path);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(file);
        await spreadsheet.StartWorksheetAsync("assets");
        await spreadsheet.AddRowAsync(Headers.Select(h => new Cell(h)).ToArray());
        var purchased = new DateOnly(2024, 1, 1);
        var cells = new Cell[Headers.Length];
        for (var i = 1; i <= rows; i++)
        {
            var bought = purchased.AddDays(i % 700);
            cells[0] = new Cell(type);
            cells[1] = new Cell(Makes[i % Makes.Length]);
            cells[2] = new Cell($"M{i % 40:D2}");
            cells[3] = new Cell($"BENCH{i:D7}");
            cells[4] = new Cell("信科医疗设备有限公司");
            cells[5] = new Cell(bought.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cells[6] = new Cell(3000 + (i % 50 * 100));
            cells[7] = new Cell(bought.AddYears(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cells[8] = new Cell("本部院区");
            cells[9] = new Cell($"{1 + (i % 6)}号楼");
            cells[10] = new Cell($"{1 + (i % 12)}");
            cells[11] = new Cell($"{100 + (i % 40)}室");
            cells[12] = new Cell(department);
            cells[13] = new Cell("在用");
            cells[14] = new Cell($"bench-{i:D7}");
            cells[15] = new Cell("盘点导入");
            await spreadsheet.AddRowAsync(cells);
        }

        await spreadsheet.FinishAsync();
    }
}
