namespace Xinke.Kernel.Backup;

/// <summary>
/// A write-only stream that seals what it is given into <see cref="SealedFormat"/> chunks. The
/// last chunk is only known at the end, so a full chunk waits until more bytes arrive, and
/// <see cref="FinishAsync"/> seals whatever is left as the last one.
/// </summary>
public sealed class SealingStream(Stream output, SealedFormat format) : Stream
{
    private readonly byte[] pending = new byte[SealedFormat.ChunkSize];
    private int buffered;
    private uint counter;
    private bool started;
    private bool finished;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !finished;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var source = buffer;
        ObjectDisposedException.ThrowIf(finished, this);
        await StartAsync(cancellationToken);
        while (source.Length > 0)
        {
            if (buffered == pending.Length)
            {
                await format.WriteChunkAsync(output, pending, counter++, last: false, cancellationToken);
                buffered = 0;
            }

            var take = Math.Min(source.Length, pending.Length - buffered);
            source.Span[..take].CopyTo(pending.AsSpan(buffered));
            buffered += take;
            source = source[take..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>Seals the rest as the last chunk; a backup without it reads as cut off.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (finished)
        {
            return;
        }

        await StartAsync(cancellationToken);
        await format.WriteChunkAsync(output, pending.AsMemory(0, buffered), counter, last: true, cancellationToken);
        await output.FlushAsync(cancellationToken);
        finished = true;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!started)
        {
            await output.WriteAsync(format.Header, cancellationToken);
            started = true;
        }
    }
}
