namespace Xinke.Kernel.Backup;

/// <summary>A read-only stream over the opened chunks of a <see cref="SealedFormat"/> file, whose header was already read.</summary>
public sealed class UnsealingStream(Stream input, SealedFormat format) : Stream
{
    private byte[] current = [];
    private int position;
    private uint counter;
    private bool ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (position == current.Length)
        {
            if (ended)
            {
                return 0;
            }

            var chunk = await format.ReadChunkAsync(input, counter++, cancellationToken) ?? throw SealedFormat.Truncated();
            current = chunk.Plaintext;
            position = 0;
            ended = chunk.Last;
            if (ended && await input.ReadAsync(new byte[1], cancellationToken) != 0)
            {
                throw new BackupException(BackupErrors.WrongSecretOrDamaged, "The backup has bytes after its last chunk: it was changed.");
            }
        }

        var take = Math.Min(buffer.Length, current.Length - position);
        current.AsSpan(position, take).CopyTo(buffer.Span);
        position += take;
        return take;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
