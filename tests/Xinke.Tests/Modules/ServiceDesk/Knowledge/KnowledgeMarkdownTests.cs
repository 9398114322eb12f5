using Xinke.Modules.ServiceDesk.Knowledge;

namespace Xinke.Tests.Modules.ServiceDesk.Knowledge;

/// <summary>Article bodies are Markdown written by engineers and shown to every member of staff: nothing in them may run script.</summary>
public sealed class KnowledgeMarkdownTests
{
    [Fact]
    public void A_script_element_is_removed()
    {
        var html = KnowledgeMarkdown.Render("重启打印服务\n\n<script>alert('x')</script>\n\n完成");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
        Assert.Contains("重启打印服务", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_handler_attribute_is_removed_and_the_image_kept()
    {
        var html = KnowledgeMarkdown.Render("<img src=\"https://intranet.example/a.png\" onerror=\"alert(1)\">");

        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<img src=\"https://intranet.example/a.png\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_javascript_link_loses_its_target_in_markdown_and_in_html()
    {
        var html = KnowledgeMarkdown.Render("[点我](javascript:alert(1)) 和 <a href=\"JavaScript:alert(2)\">这里</a>");

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("点我", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_and_code_survive()
    {
        var html = KnowledgeMarkdown.Render("| 步骤 | 操作 |\n|---|---|\n| 1 | 打开纸仓 |\n\n```\nnet stop spooler\n```\n\n行内 `lpq -a`");

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>打开纸仓</td>", html, StringComparison.Ordinal);
        Assert.Contains("<pre><code>net stop spooler", html, StringComparison.Ordinal);
        Assert.Contains("<code>lpq -a</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_links_keep_their_address()
    {
        var html = KnowledgeMarkdown.Render("[手册](https://intranet.example/manual)");

        Assert.Contains("href=\"https://intranet.example/manual\"", html, StringComparison.Ordinal);
    }
}
