using System.Text;
using Xinke.Kernel.Files;

namespace Xinke.Tests.Kernel.Files;

public sealed class FileSignaturesTests
{
    public static TheoryData<string, byte[], FileKind> Samples => new()
    {
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3"), FileKind.Pdf },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], FileKind.Png },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46], FileKind.Jpeg },
        { "webp", Encoding.ASCII.GetBytes("RIFF\u0010\u0000\u0000\u0000WEBPVP8 "), FileKind.Webp },
        { "xlsx (zip)", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0x06, 0], FileKind.Zip },
        { "legacy xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], FileKind.OleCompound },
        { "windows exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0, 0, 0], FileKind.Executable },
        { "linux elf", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], FileKind.Executable },
        { "script", Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /"), FileKind.Executable },
        { "utf-8 csv with bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("资产编号,名称\r\n")], FileKind.Text },
        { "plain text", Encoding.UTF8.GetBytes("机房巡检记录\t正常\n"), FileKind.Text },
        { "bmp", [0x42, 0x4D, 0x36, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0x36, 0x00], FileKind.Bmp },
        { "csv that starts like a bmp", Encoding.UTF8.GetBytes("BMW,宝马,5辆\r\n"), FileKind.Text },
        { "binary", [0x00, 0x01, 0x02, 0x03, 0x04], FileKind.Unknown },
        { "empty", [], FileKind.Unknown },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Content_decides_the_kind(string sample, byte[] prefix, FileKind expected)
    {
        Assert.True(expected == FileSignatures.Detect(prefix), sample);
    }
}
