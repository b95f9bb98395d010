using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Gleaner.Dedup;

/// <summary>
/// Near-duplicate fingerprints of article bodies: MinHash over word shingles, with LSH band keys that
/// find candidate copies through an index instead of a scan of the store.
/// <para>
/// The body is split into words (runs of letters and digits, lower-cased; each Han or kana character
/// counts as a word, since those scripts do not separate words with spaces). Every run of
/// <see cref="ShingleSize"/> consecutive words is a shingle. The signature keeps, for each of
/// <see cref="HashCount"/> hash functions, the smallest hash over the body's shingles: two bodies agree on
/// a position with probability equal to the Jaccard similarity of their shingle sets. Positions are grouped
/// into <see cref="Bands"/> bands of <see cref="RowsPerBand"/>; two bodies that agree on a whole band share
/// that band's key, which makes them candidates (probability 1-(1-J^3)^24: 0.96 at J=0.5, 0.18 at J=0.2).
/// Candidates are then confirmed by their estimated similarity.
/// </para>
/// </summary>
internal static class MinHash
{
    /// <summary>Words per shingle: three keeps shared stock phrases of different stories from looking alike.</summary>
    public const int ShingleSize = 3;

    public const int Bands = 24;
    public const int RowsPerBand = 3;
    public const int HashCount = Bands * RowsPerBand;

    /// <summary>Bodies with fewer shingles than this get no signature: too short to tell a copy from a coincidence.</summary>
    public const int MinimumShingles = 12;

    /// <summary>Bytes of a signature stored as a blob.</summary>
    public const int SignatureBytes = HashCount * sizeof(uint);

    private static readonly ulong[] Seeds = CreateSeeds();

    /// <summary>The signature of <paramref name="text"/>, or <c>null</c> when it has fewer than <see cref="MinimumShingles"/> shingles.</summary>
    public static uint[]? Signature(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        // Each position's minimum is kept in a 64-bit lane (the hash's high half) so the vector path compares whole lanes.
        Span<ulong> minimums = stackalloc ulong[HashCount];
        minimums.Fill(uint.MaxValue);
        // The last ShingleSize word hashes, oldest first.
        ulong w0 = 0, w1 = 0;
        var words = 0;
        var shingles = 0;
        var i = 0;
        while (NextWord(text, ref i, out var word))
        {
            words++;
            if (words >= ShingleSize)
            {
                var shingle = Mix(Mix(Mix(w0) ^ w1) ^ word);
                Add(minimums, shingle);
                shingles++;
            }
            w0 = w1;
            w1 = word;
        }
        if (shingles < MinimumShingles)
            return null;
        var signature = new uint[HashCount];
        for (var h = 0; h < HashCount; h++)
            signature[h] = (uint)minimums[h];
        return signature;
    }

    /// <summary>The estimated Jaccard similarity of two bodies: the share of positions where their signatures agree.</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != HashCount || b.Length != HashCount)
            throw new ArgumentException($"signatures have {HashCount} values");
        var equal = 0;
        for (var i = 0; i < HashCount; i++)
            if (a[i] == b[i])
                equal++;
        return (double)equal / HashCount;
    }

    /// <summary>Writes the signature's <see cref="Bands"/> band keys into <paramref name="keys"/>; the band's number is part of its key.</summary>
    public static void BandKeys(ReadOnlySpan<uint> signature, Span<long> keys)
    {
        if (signature.Length != HashCount || keys.Length < Bands)
            throw new ArgumentException($"a signature has {HashCount} values and {Bands} band keys");
        for (var band = 0; band < Bands; band++)
        {
            var h = Mix((ulong)(band + 1) * 0x9E3779B97F4A7C15UL);
            for (var row = 0; row < RowsPerBand; row++)
                h = Mix(h ^ signature[band * RowsPerBand + row]);
            keys[band] = (long)h;
        }
    }

    public static byte[] ToBytes(ReadOnlySpan<uint> signature)
    {
        var bytes = new byte[signature.Length * sizeof(uint)];
        for (var i = 0; i < signature.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), signature[i]);
        return bytes;
    }

    public static uint[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != SignatureBytes)
            throw new ArgumentException($"a stored signature has {SignatureBytes} bytes, not {bytes.Length}");
        var signature = new uint[HashCount];
        for (var i = 0; i < signature.Length; i++)
            signature[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * sizeof(uint))..]);
        return signature;
    }

    /// <summary>Lowers each position's minimum to the shingle's hash under that position's seed: <c>Mix(shingle ^ seed) >> 32</c>,
    /// four positions at a time where vectors are accelerated (the same values either way). Compiled optimised at once: the
    /// vector code is left out of ReadyToRun images, and its unoptimised first tier is many times slower.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Add(Span<ulong> minimums, ulong shingle)
    {
        ref var seeds = ref MemoryMarshal.GetArrayDataReference(Seeds);
        ref var minimum = ref MemoryMarshal.GetReference(minimums);
        if (Vector256.IsHardwareAccelerated)
        {
            var value = Vector256.Create(shingle);
            for (nuint i = 0; i < HashCount; i += (nuint)Vector256<ulong>.Count)
            {
                var z = Vector256.LoadUnsafe(ref seeds, i) ^ value;
                z = (z ^ Vector256.ShiftRightLogical(z, 30)) * MixMultiplier1;
                z = (z ^ Vector256.ShiftRightLogical(z, 27)) * MixMultiplier2;
                z = Vector256.ShiftRightLogical(z ^ Vector256.ShiftRightLogical(z, 31), 32);
                Vector256.Min(Vector256.LoadUnsafe(ref minimum, i), z).StoreUnsafe(ref minimum, i);
            }
            return;
        }
        for (var i = 0; i < HashCount; i++)
        {
            var hash = Mix(shingle ^ Seeds[i]) >> 32;
            if (hash < minimums[i])
                minimums[i] = hash;
        }
    }

    /// <summary>Finds the next word from <paramref name="position"/> and returns its hash (FNV-1a over lower-cased UTF-16 units, then mixed).</summary>
    private static bool NextWord(string text, ref int position, out ulong hash)
    {
        const ulong fnvOffset = 14695981039346656037UL;
        const ulong fnvPrime = 1099511628211UL;
        var i = position;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            i++;
        if (i == text.Length)
        {
            position = i;
            hash = 0;
            return false;
        }
        hash = fnvOffset;
        if (IsIdeographic(text[i]))
        {
            hash = (hash ^ text[i]) * fnvPrime;
            position = i + 1;
            hash = Mix(hash);
            return true;
        }
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAscii(c))
            {
                // The common case without the Unicode tables (the same result as the general branch).
                if (!char.IsAsciiLetterOrDigit(c))
                    break;
                if (char.IsAsciiLetterUpper(c))
                    c = (char)(c | 0x20);
            }
            else
            {
                if (!char.IsLetterOrDigit(c) || IsIdeographic(c))
                    break;
                c = char.ToLowerInvariant(c);
            }
            hash = (hash ^ c) * fnvPrime;
            i++;
        }
        position = i;
        hash = Mix(hash);
        return true;
    }

    /// <summary>Han ideographs and Japanese kana, written without spaces between words.</summary>
    private static bool IsIdeographic(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>The SplitMix64 finaliser: a fast 64-bit mixer with good avalanche.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * MixMultiplier1;
        z = (z ^ (z >> 27)) * MixMultiplier2;
        return z ^ (z >> 31);
    }

    private const ulong MixMultiplier1 = 0xBF58476D1CE4E5B9UL;
    private const ulong MixMultiplier2 = 0x94D049BB133111EBUL;

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[HashCount];
        var state = 0x5EED5EED5EED5EEDUL;
        for (var i = 0; i < seeds.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(state) | 1;
        }
        return seeds;
    }
}
