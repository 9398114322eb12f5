using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace Xinke.Kernel.Cli;

/// <summary>
/// Shows the demo seeders' reports as progress bars: one bar per seeder, filled from reports
/// that carry a count (<c>servicedesk: 4000/500000 tickets</c>); the other reports are kept and
/// printed once the bars are done, so nothing shown once (a one-time password) is overwritten.
/// </summary>
public sealed partial class DemoProgress(ProgressContext context) : IProgress<string>
{
    private readonly Dictionary<string, ProgressTask> bars = new(StringComparer.Ordinal);
    private readonly List<string> notes = [];
    private ProgressTask? current;

    public IReadOnlyList<string> Notes => notes;

    public void Report(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var seeder = colon > 0 ? value[..colon] : value;
        if (!value.Contains(' ', StringComparison.Ordinal) && colon < 0)
        {
            // A seeder's name: it starts now and the one before is done.
            Finish();
            current = context.AddTask(Markup.Escape(value), maxValue: 1);
            bars[value] = current;
            return;
        }

        if (Counted().Match(value) is { Success: true } count && bars.TryGetValue(seeder, out var bar))
        {
            bar.MaxValue = double.Parse(count.Groups["total"].Value, CultureInfo.InvariantCulture);
            bar.Value = double.Parse(count.Groups["done"].Value, CultureInfo.InvariantCulture);
            bar.Description = Markup.Escape(value);
            return;
        }

        notes.Add(value);
    }

    /// <summary>Marks the last seeder's bar done.</summary>
    public void Finish()
    {
        if (current is not null)
        {
            current.Value = current.MaxValue;
            current.StopTask();
        }
    }

    [GeneratedRegex(@"(?<done>\d+)/(?<total>\d+)")]
    private static partial Regex Counted();
}
