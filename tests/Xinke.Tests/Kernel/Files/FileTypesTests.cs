using System.IO.Compression;
using System.Text;
using Xinke.Kernel.Files;

namespace Xinke.Tests.Kernel.Files;

/// <summary>The allow-list: which bytes are accepted as which type, whatever the name says.</summary>
public sealed class FileTypesTests
{
    private static readonly byte[] Ole2Header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    static FileTypesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, byte[], string, string?> Samples => new()
    {
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF"), "a.pdf", "application/pdf" },
        { "png named jpg", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "photo.jpg", "image/png" },
        { "docx", Zip("[Content_Types].xml", "word/document.xml"), "合同.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx named zip", Zip("[Content_Types].xml", "xl/workbook.xml"), "台账.zip", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "pptx", Zip("[Content_Types].xml", "ppt/presentation.xml"), "培训.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "ofd", Zip("OFD.xml", "Doc_0/Document.xml"), "发票.ofd", "application/ofd" },
        { "plain zip", Zip("readme.txt"), "日志.zip", "application/zip" },
        { "broken zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "a.zip", null },
        { "legacy xls", Ole2Header, "旧台账.xls", "application/vnd.ms-excel" },
        { "legacy doc", Ole2Header, "旧制度.DOC", "application/msword" },
        { "ole2 that says it is an installer", Ole2Header, "setup.msi", null },
        { "utf-8 csv", Encoding.UTF8.GetBytes("资产编号,名称\r\nA-1,交换机\r\n"), "资产.csv", "text/csv; charset=utf-8" },
        { "gb18030 csv from chinese excel", Encoding.GetEncoding("GB18030").GetBytes("资产编号,名称\r\nA-1,交换机\r\n"), "资产.csv", "text/csv; charset=gb18030" },
        { "utf-8 text", Encoding.UTF8.GetBytes("机房巡检：正常\n"), "巡检.txt", "text/plain; charset=utf-8" },
        { "text with a nul past the prefix", [.. Encoding.ASCII.GetBytes("looks like text for a while "), 0x00, 0x01], "a.txt", null },
        { "windows executable named pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0, 0, 0], "合同.pdf", null },
        { "elf named txt", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], "notes.txt", null },
        { "shell script named csv", Encoding.ASCII.GetBytes("#!/bin/sh\necho hi\n"), "data.csv", null },
        { "unknown binary", [0x00, 0x01, 0x02, 0x03, 0x04], "a.bin", null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_bytes_decide_the_type(string sample, byte[] content, string fileName, string? expected)
    {
        using var stream = new MemoryStream(content);

        Assert.True(expected == FileTypes.Judge(stream, fileName), sample);
    }

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }
}
