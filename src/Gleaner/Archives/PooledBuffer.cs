using System.Buffers;

namespace Gleaner.Archives;

/// <summary>
/// Bytes in an array rented from <see cref="ArrayPool{T}.Shared"/>; <see cref="Dispose"/> gives the array back,
/// after which the bytes must not be used.
/// </summary>
public sealed class PooledBuffer : IDisposable
{
    private byte[]? _array;

    internal PooledBuffer(int capacity)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 16));
    }

    /// <summary>Number of bytes held.</summary>
    public int Length { get; internal set; }

    /// <summary>The bytes held.</summary>
    public ReadOnlySpan<byte> Span => Array.AsSpan(0, Length);

    /// <summary>The bytes held.</summary>
    public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);

    internal byte[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledBuffer));

    internal Span<byte> Free => Array.AsSpan(Length);

    /// <summary>Makes room for <paramref name="more"/> bytes after <see cref="Length"/>, keeping the contents.</summary>
    internal void Reserve(int more)
    {
        var array = Array;
        if (Length + more <= array.Length)
            return;
        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(System.Array.MaxLength, Math.Max((long)array.Length * 2, (long)Length + more)));
        array.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(array);
        _array = bigger;
    }

    internal void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(Array.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
            ArrayPool<byte>.Shared.Return(array);
    }
}
