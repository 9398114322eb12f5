using System.Text;
using Microsoft.Playwright;

namespace Xinke.BrowserTests.Infrastructure;

/// <summary>
/// Keeps a picture of every page a test visits, so a person can see what the browser saw:
/// <c>&lt;root&gt;/&lt;TestClass&gt;/&lt;TestMethod&gt;.&lt;nn&gt;.&lt;path&gt;.png</c>.
/// </summary>
public sealed class Screenshots(IPage page, string testClass, string testMethod)
{
    private int taken;

    /// <summary>
    /// <c>XINKE_SCREENSHOTS</c> when set (scripts/test puts it beside the project's test results),
    /// else <c>TestResults/screenshots</c> under the test assembly's folder.
    /// </summary>
    public static string Root =>
        Environment.GetEnvironmentVariable("XINKE_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private string Folder => Path.Combine(Root, testClass);

    /// <summary>Removes this test's pictures of an earlier run, so none of them is taken for today's.</summary>
    public void ForgetEarlierRuns()
    {
        if (Directory.Exists(Folder))
        {
            foreach (var file in Directory.EnumerateFiles(Folder, $"{testMethod}.*.png"))
            {
                File.Delete(file);
            }
        }
    }

    public async Task TakeAsync(string? label = null)
    {
        taken++;
        var name = $"{testMethod}.{taken:00}.{label ?? Slug(new Uri(page.Url).AbsolutePath)}.png";
        var file = Path.Combine(Folder, name);
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
    }

    private static string Slug(string path)
    {
        var slug = new StringBuilder();
        foreach (var c in path.Trim('/'))
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return slug.Length == 0 ? "home" : slug.ToString();
    }
}
