using Gleaner.Formats;

namespace Gleaner.Archives;

/// <summary>
/// Reads a remote file through connections that may break: when a read fails (the connection was cut or
/// stalled longer than the read timeout), the file is opened again at the byte reached and reading goes on,
/// so the reader above never sees the break. Gives up, with the last error, after
/// <c>maxReconnects</c> reconnections in a row that brought no byte.
/// </summary>
internal sealed class ReconnectingStream : ReadOnlyStream
{
    private readonly Func<long, CancellationToken, Task<Stream>> _open;
    private readonly int _maxReconnects;
    private readonly TimeSpan _readTimeout;
    private readonly CancellationToken _cancellation;
    private readonly Action<long, Exception>? _onReconnect;
    private Stream? _inner;
    private long _position;

    /// <param name="first">The first connection's body, opened at <paramref name="start"/>; null to open it on the first read.</param>
    /// <param name="open">Opens the file again at a byte offset.</param>
    /// <param name="start">The offset <paramref name="first"/> starts at.</param>
    /// <param name="maxReconnects">Reconnections in a row, without a byte read in between, before giving up.</param>
    /// <param name="readTimeout">A read that brings nothing for this long counts as a broken connection.</param>
    /// <param name="onReconnect">Told the offset and the error each time the file is opened again.</param>
    /// <param name="cancellation">Stops reading.</param>
    public ReconnectingStream(Stream? first, Func<long, CancellationToken, Task<Stream>> open, long start, int maxReconnects, TimeSpan readTimeout,
        Action<long, Exception>? onReconnect, CancellationToken cancellation)
    {
        _inner = first;
        _open = open;
        _position = start;
        _maxReconnects = maxReconnects;
        _readTimeout = readTimeout;
        _onReconnect = onReconnect;
        _cancellation = cancellation;
    }

    /// <summary>Times the file was opened again.</summary>
    public int Reconnects { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count), _cancellation).AsTask().GetAwaiter().GetResult();

    public override int Read(Span<byte> buffer)
    {
        var pooled = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var read = Read(pooled, 0, buffer.Length);
            pooled.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(pooled);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        for (var failures = 0; ; failures++)
        {
            Exception error;
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellation))
            {
                try
                {
                    _inner ??= await _open(_position, attempt.Token).ConfigureAwait(false);
                    attempt.CancelAfter(_readTimeout);
                    var read = await _inner.ReadAsync(buffer, attempt.Token).ConfigureAwait(false);
                    _position += read;
                    return read;
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && !_cancellation.IsCancellationRequested)
                {
                    error = new TimeoutException($"no data for {_readTimeout.TotalSeconds:0} s", e);
                }
                catch (Exception e) when (e is IOException or HttpRequestException)
                {
                    error = e;
                }
            }
            await (_inner?.DisposeAsync() ?? ValueTask.CompletedTask).ConfigureAwait(false);
            _inner = null;
            if (failures >= _maxReconnects)
                throw new IOException($"gave up after {failures + 1} broken connection(s) at byte {_position}: {error.Message}", error);
            Reconnects++;
            _onReconnect?.Invoke(_position, error);
            await Task.Delay(TimeSpan.FromMilliseconds(200 * (failures + 1)), _cancellation).ConfigureAwait(false);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner?.Dispose();
        base.Dispose(disposing);
    }
}
