using Xinke.Kernel.Files;

namespace Xinke.Tests.Kernel.Files;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("保修卡.pdf", "保修卡.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\张三\\合同.docx", "合同.docx")]
    [InlineData("report\u202Efdp.exe", "reportfdp.exe")]
    [InlineData("a<b>:c|d?.txt", "abcd.txt")]
    [InlineData("  ..  ", FileNames.Fallback)]
    [InlineData(null, FileNames.Fallback)]
    [InlineData("line\r\nbreak.csv", "linebreak.csv")]
    public void A_name_is_kept_for_display_without_path_or_control_characters(string? given, string expected)
    {
        Assert.Equal(expected, FileNames.Sanitize(given));
    }

    [Fact]
    public void A_long_name_is_shortened_keeping_its_extension()
    {
        var name = FileNames.Sanitize(new string('长', 300) + ".pdf");

        Assert.Equal(Attachment.FileNameMaxLength, name.Length);
        Assert.EndsWith("长.pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_name_is_never_cut_inside_a_character()
    {
        var name = FileNames.Sanitize("a" + string.Concat(Enumerable.Repeat("😀", 150)) + ".pdf");

        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(name[^5]));
    }
}
