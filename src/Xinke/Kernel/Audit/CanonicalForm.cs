using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Xinke.Kernel.Audit;

/// <summary>
/// The exact bytes an event's hash covers, specified in docs/audit.md so that an independent
/// program can verify the chain: each field in a fixed order as UTF-8, preceded by its byte
/// length as a 4-byte big-endian integer; an absent value has length 0xFFFFFFFF.
/// </summary>
public static class CanonicalForm
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static byte[] Of(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var buffer = new ArrayBufferWriter<byte>(512);
        Field(buffer, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(buffer, e.OccurredAt.ToString(TimeFormat, CultureInfo.InvariantCulture));
        Field(buffer, e.ActorId?.ToString(CultureInfo.InvariantCulture));
        Field(buffer, e.ActorName);
        Field(buffer, e.ClientAddress);
        Field(buffer, e.UserAgent);
        Field(buffer, e.Action);
        Field(buffer, e.EntityType);
        Field(buffer, e.EntityId);
        Field(buffer, e.Changes);
        Field(buffer, e.Outcome);
        Field(buffer, e.RequirementIds);
        Field(buffer, e.PreviousHash);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>PostgreSQL keeps microseconds: times are cut to them before they are hashed and stored.</summary>
    public static DateTime ToMicroseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    private static void Field(ArrayBufferWriter<byte> buffer, string? value)
    {
        var length = buffer.GetSpan(4);
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
            buffer.Advance(4);
            return;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)count);
        buffer.Advance(4);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(count));
        buffer.Advance(count);
    }
}
