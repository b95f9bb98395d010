using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Gleaner.Storage.Sqlite;

/// <summary>
/// <c>gleaner_bm25(articles_fts, hits0, sample0, hits1, sample1, ...)</c>: FTS5's <c>bm25(articles_fts, 10.0, 4.0, 1.0)</c>
/// (same column weights, k1 and b) except that how many records hold each phrase comes in as arguments instead of
/// being counted. FTS5's bm25() counts them once per statement by reading each phrase's whole list of records: for a
/// word in nearly every record of a million that is a scan of ~900,000 entries, far more than ranking a page costs.
/// For each phrase, in FTS5's order (left to right in the MATCH expression): <c>hits</c> records among the newest
/// <c>sample</c> ids, or among all records when <c>sample</c> is 0 (an exact count). A share read from the newest
/// records is enough for an inverse document frequency, which is a logarithm. A negative <c>hits</c> makes the phrase
/// one with the phrase before it (the words of a prefix spelled out, see <see cref="Fts5PrefixWords"/>): their
/// occurrences count together, under the first one's weight, as FTS5 counts the occurrences of a prefix.
/// </summary>
internal static unsafe class Fts5Ranking
{
    public const string Function = "gleaner_bm25";

    /// <summary>The function for ranking a page (see <see cref="RankTop"/>).</summary>
    public const string TopFunction = "gleaner_bm25_top";

    // FTS5's bm25() constants, and the column weights (title, description, text) the store has always ranked with.
    private const double K1 = 1.2;
    private const double B = 0.75;
    private static readonly double[] Weights = [10.0, 4.0, 1.0];

    /// <summary>Registers the function on <paramref name="connection"/> (open); throws <see cref="StoreException"/> when SQLite has no FTS5.</summary>
    public static void Register(SqliteConnection connection)
    {
        var db = connection.Handle!.DangerousGetHandle();
        // The documented way to reach the FTS5 API: SELECT fts5(?) with a pointer bound under the type "fts5_api_ptr".
        Fts5Api* api = null;
        IntPtr statement;
        var sql = "SELECT fts5(?1)"u8;
        fixed (byte* text = sql)
        {
            if (sqlite3_prepare_v2(db, text, sql.Length, &statement, IntPtr.Zero) != 0)
                throw new StoreException("this SQLite has no FTS5 (full-text search)");
        }
        try
        {
            fixed (byte* type = "fts5_api_ptr\0"u8)
            {
                sqlite3_bind_pointer(statement, 1, &api, type, IntPtr.Zero);
                sqlite3_step(statement);
            }
        }
        finally
        {
            sqlite3_finalize(statement);
        }
        if (api is null)
            throw new StoreException("this SQLite has no FTS5 (full-text search)");
        fixed (byte* name = "gleaner_bm25\0"u8)
        fixed (byte* topName = "gleaner_bm25_top\0"u8)
        {
            if (api->CreateFunction(api, name, IntPtr.Zero, &Rank, IntPtr.Zero) != 0
                || api->CreateFunction(api, topName, IntPtr.Zero, &RankTop, IntPtr.Zero) != 0)
                throw new StoreException("could not register the ranking functions with SQLite's FTS5");
        }
    }

    [UnmanagedCallersOnly]
    private static void Rank(Fts5ExtensionApi* api, IntPtr fts, IntPtr context, int argumentCount, IntPtr* arguments)
    {
        // No exception may leave this method (SQLite calls it): every step is plain arithmetic on what FTS5 gives.
        var phrases = api->PhraseCount(fts);
        long rows = 0, tokens = 0;
        int instances = 0, size = 0;
        if (phrases <= 0 || api->RowCount(fts, &rows) != 0 || api->ColumnTotalSize(fts, -1, &tokens) != 0
            || api->InstCount(fts, &instances) != 0 || api->ColumnSize(fts, -1, &size) != 0 || rows <= 0)
        {
            sqlite3_result_double(context, 0);
            return;
        }
        Span<double> frequencies = phrases <= 256 ? stackalloc double[phrases] : new double[phrases];
        Span<int> slots = phrases <= 256 ? stackalloc int[phrases] : new int[phrases];
        Frequencies(api, fts, instances, arguments, argumentCount, 0, frequencies, slots);
        sqlite3_result_double(context, -Score(frequencies, slots, arguments, argumentCount, 0, rows, tokens / (double)rows, size));
    }

    /// <summary>
    /// <c>gleaner_bm25_top(articles_fts, k, group, hits0, sample0, ...)</c>: the same score as <see cref="Function"/> for every
    /// row that can be among the best <c>k</c> (of distinct <c>group</c> values: the row's id, or its story when a page keeps
    /// one row per story) of the rows met so far in the statement; for the others an upper bound of their score, still below
    /// the k-th best met, so they stay out of the first k in score order just the same (their scores are not shown). The bound takes a record's length as at
    /// least the positions of its matched words, known without FTS5's per-row length lookup (a table read for each row:
    /// about a fifth of ranking a page's matches). Only where rows come newest first (descending rowid, one call a row, as
    /// a ranked page reads them); rows in any other order are all scored exactly.
    /// </summary>
    [UnmanagedCallersOnly]
    private static void RankTop(Fts5ExtensionApi* api, IntPtr fts, IntPtr context, int argumentCount, IntPtr* arguments)
    {
        var phrases = api->PhraseCount(fts);
        long rows = 0, tokens = 0;
        var instances = 0;
        if (argumentCount < 2 || phrases <= 0 || api->RowCount(fts, &rows) != 0 || api->ColumnTotalSize(fts, -1, &tokens) != 0
            || api->InstCount(fts, &instances) != 0 || rows <= 0)
        {
            sqlite3_result_double(context, 0);
            return;
        }
        Span<double> frequencies = phrases <= 256 ? stackalloc double[phrases] : new double[phrases];
        Span<int> slots = phrases <= 256 ? stackalloc int[phrases] : new int[phrases];
        var shortest = Frequencies(api, fts, instances, arguments, argumentCount, 2, frequencies, slots);
        var averageLength = tokens / (double)rows;
        var top = TopState(api, fts, (long)sqlite3_value_double(arguments[0]));
        var rowid = api->Rowid(fts);
        if (top is not null && rowid >= top->LastRowid)
            top->InOrder = 0; // not newest first, or a row scored twice: every row is scored exactly from here on
        if (top is not null)
            top->LastRowid = rowid;
        if (top is not null && top->InOrder != 0 && top->Count == top->K)
        {
            var bound = Score(frequencies, slots, arguments, argumentCount, 2, rows, averageLength, shortest);
            if (bound < top->Threshold)
            {
                sqlite3_result_double(context, -bound);
                return;
            }
        }
        var size = 0;
        if (api->ColumnSize(fts, -1, &size) != 0)
        {
            sqlite3_result_double(context, 0);
            return;
        }
        var score = Score(frequencies, slots, arguments, argumentCount, 2, rows, averageLength, size);
        if (top is not null && top->InOrder != 0)
            Add(top, score, sqlite3_value_type(arguments[1]) == SqliteNull ? long.MinValue : sqlite3_value_int64(arguments[1]));
        sqlite3_result_double(context, -score);
    }

    /// <summary>Most rows <c>gleaner_bm25_top</c> keeps the best of (its k); a larger k scores every row exactly.</summary>
    public const int MaxTop = 200;

    /// <summary>
    /// Each phrase's weighted count of occurrences in the row (title 10, description 4, text 1) into <paramref name="frequencies"/>
    /// (the words of a prefix summed into its first one's slot, <paramref name="slots"/>); returns the fewest tokens the row
    /// can have: each column holds at least as many as the position after its last occurrence.
    /// </summary>
    private static int Frequencies(Fts5ExtensionApi* api, IntPtr fts, int instances, IntPtr* arguments, int argumentCount, int first, Span<double> frequencies, Span<int> slots)
    {
        frequencies.Clear();
        for (var p = 0; p < slots.Length; p++)
            slots[p] = p > 0 && first + 2 * p < argumentCount && sqlite3_value_double(arguments[first + 2 * p]) < 0 ? slots[p - 1] : p;
        Span<int> ends = stackalloc int[Weights.Length];
        ends.Clear();
        var beyond = 0; // columns past the weighted ones (none in the store's table)
        for (var i = 0; i < instances; i++)
        {
            int phrase, column, offset;
            if (api->Inst(fts, i, &phrase, &column, &offset) != 0 || (uint)phrase >= (uint)slots.Length)
                continue;
            if ((uint)column < (uint)Weights.Length)
            {
                frequencies[slots[phrase]] += Weights[column];
                ends[column] = Math.Max(ends[column], offset + 1);
            }
            else
            {
                frequencies[slots[phrase]] += 1.0;
                beyond = Math.Max(beyond, offset + 1);
            }
        }
        var shortest = beyond;
        foreach (var end in ends)
            shortest += end;
        return shortest;
    }

    /// <summary>BM25 of one row from its phrases' frequencies and its length in tokens (<paramref name="size"/>); pairs of hits and sample from argument <paramref name="first"/> on.</summary>
    private static double Score(Span<double> frequencies, Span<int> slots, IntPtr* arguments, int argumentCount, int first, long rows, double averageLength, double size)
    {
        var lengthNorm = K1 * (1 - B + B * size / Math.Max(averageLength, 1e-9));
        double score = 0;
        for (var p = 0; p < frequencies.Length; p++)
        {
            if (frequencies[p] == 0 || slots[p] != p)
                continue;
            double holding = 0;
            if (first + 2 * p + 1 < argumentCount)
            {
                var hits = sqlite3_value_double(arguments[first + 2 * p]);
                var sample = sqlite3_value_double(arguments[first + 2 * p + 1]);
                holding = sample > 0 ? hits / sample * rows : hits;
            }
            holding = Math.Clamp(holding, 0, rows);
            var idf = Math.Log((rows - holding + 0.5) / (holding + 0.5));
            if (idf <= 0)
                idf = 1e-6; // as FTS5: a phrase in more than half the records still counts, a little
            score += idf * (frequencies[p] * (K1 + 1) / (frequencies[p] + lengthNorm));
        }
        return score;
    }

    /// <summary>The best scores met so far in one statement (FTS5 keeps it with the query and frees it after), made at the first row; null when <paramref name="k"/> is out of range or memory is short.</summary>
    private static Top* TopState(Fts5ExtensionApi* api, IntPtr fts, long k)
    {
        if (k is < 1 or > MaxTop)
            return null;
        var top = (Top*)api->GetAuxdata(fts, 0);
        if (top is not null)
            return top;
        top = (Top*)NativeMemory.AllocZeroed((nuint)(sizeof(Top) + (int)k * sizeof(Entry)));
        if (top is null)
            return null;
        top->K = (int)k;
        top->InOrder = 1;
        top->LastRowid = long.MaxValue;
        // On failure FTS5 frees it with the given function itself.
        return api->SetAuxdata(fts, top, &FreeTop) == 0 ? top : null;
    }

    [UnmanagedCallersOnly]
    private static void FreeTop(void* top) => NativeMemory.Free(top);

    private struct Entry
    {
        public double Score;
        public long Group;
    }

    /// <summary>The state of one statement's <c>gleaner_bm25_top</c>: its k, whether rows came newest first, and the lowest of the best k scores once k groups were met; followed in memory by its <see cref="Entry"/>s.</summary>
    private struct Top
    {
        public int K;
        public int Count;
        public int InOrder;
        public long LastRowid;
        public double Threshold;
    }

    /// <summary>Records <paramref name="score"/> as the best of <paramref name="group"/> if it is, keeping the best <see cref="Top.K"/> groups.</summary>
    private static void Add(Top* top, double score, long group)
    {
        var entries = (Entry*)(top + 1);
        var at = -1;
        for (var i = 0; i < top->Count; i++)
        {
            if (entries[i].Group == group)
            {
                if (score <= entries[i].Score)
                    return;
                at = i;
                break;
            }
        }
        if (at < 0 && top->Count < top->K)
            at = top->Count++;
        else if (at < 0)
        {
            if (score <= top->Threshold)
                return;
            at = 0;
            for (var i = 1; i < top->Count; i++)
                if (entries[i].Score < entries[at].Score)
                    at = i;
        }
        entries[at] = new Entry { Score = score, Group = group };
        if (top->Count < top->K)
            return;
        var lowest = entries[0].Score;
        for (var i = 1; i < top->Count; i++)
            lowest = Math.Min(lowest, entries[i].Score);
        top->Threshold = lowest;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5Api
    {
        public int Version;
        public IntPtr CreateTokenizer;
        public IntPtr FindTokenizer;
        public delegate* unmanaged<Fts5Api*, byte*, IntPtr, delegate* unmanaged<Fts5ExtensionApi*, IntPtr, IntPtr, int, IntPtr*, void>, IntPtr, int> CreateFunction;
    }

    /// <summary>The start of FTS5's Fts5ExtensionApi (fts5.h), as far as this function reads it.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5ExtensionApi
    {
        public int Version;
        public IntPtr UserData;
        public IntPtr ColumnCount;
        public delegate* unmanaged<IntPtr, long*, int> RowCount;
        public delegate* unmanaged<IntPtr, int, long*, int> ColumnTotalSize;
        public IntPtr Tokenize;
        public delegate* unmanaged<IntPtr, int> PhraseCount;
        public IntPtr PhraseSize;
        public delegate* unmanaged<IntPtr, int*, int> InstCount;
        public delegate* unmanaged<IntPtr, int, int*, int*, int*, int> Inst;
        public delegate* unmanaged<IntPtr, long> Rowid;
        public IntPtr ColumnText;
        public delegate* unmanaged<IntPtr, int, int*, int> ColumnSize;
        public IntPtr QueryPhrase;
        public delegate* unmanaged<IntPtr, void*, delegate* unmanaged<void*, void>, int> SetAuxdata;
        public delegate* unmanaged<IntPtr, int, void*> GetAuxdata;
    }

    // The SQLite library Microsoft.Data.Sqlite loaded (SQLitePCLRaw's e_sqlite3), whose connection handle this is.
    private const string Library = "e_sqlite3";

    [DllImport(Library)]
    private static extern int sqlite3_prepare_v2(IntPtr db, byte* sql, int length, IntPtr* statement, IntPtr tail);

    [DllImport(Library)]
    private static extern int sqlite3_bind_pointer(IntPtr statement, int index, void* pointer, byte* type, IntPtr destructor);

    [DllImport(Library)]
    private static extern int sqlite3_step(IntPtr statement);

    [DllImport(Library)]
    private static extern int sqlite3_finalize(IntPtr statement);

    [DllImport(Library)]
    private static extern void sqlite3_result_double(IntPtr context, double value);

    [DllImport(Library)]
    private static extern double sqlite3_value_double(IntPtr value);

    [DllImport(Library)]
    private static extern long sqlite3_value_int64(IntPtr value);

    [DllImport(Library)]
    private static extern int sqlite3_value_type(IntPtr value);

    private const int SqliteNull = 5;
}
