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
        {
            if (api->CreateFunction(api, name, IntPtr.Zero, &Rank, IntPtr.Zero) != 0)
                throw new StoreException("could not register the ranking function with SQLite's FTS5");
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
        frequencies.Clear();
        Span<int> slots = phrases <= 256 ? stackalloc int[phrases] : new int[phrases];
        for (var p = 0; p < phrases; p++)
            slots[p] = p > 0 && 2 * p < argumentCount && sqlite3_value_double(arguments[2 * p]) < 0 ? slots[p - 1] : p;
        for (var i = 0; i < instances; i++)
        {
            int phrase, column, offset;
            if (api->Inst(fts, i, &phrase, &column, &offset) != 0 || (uint)phrase >= (uint)phrases)
                continue;
            frequencies[slots[phrase]] += (uint)column < (uint)Weights.Length ? Weights[column] : 1.0;
        }
        var averageLength = tokens / (double)rows;
        var lengthNorm = K1 * (1 - B + B * size / Math.Max(averageLength, 1e-9));
        double score = 0;
        for (var p = 0; p < phrases; p++)
        {
            if (frequencies[p] == 0 || slots[p] != p)
                continue;
            double holding = 0;
            if (2 * p + 1 < argumentCount)
            {
                var hits = sqlite3_value_double(arguments[2 * p]);
                var sample = sqlite3_value_double(arguments[2 * p + 1]);
                holding = sample > 0 ? hits / sample * rows : hits;
            }
            holding = Math.Clamp(holding, 0, rows);
            var idf = Math.Log((rows - holding + 0.5) / (holding + 0.5));
            if (idf <= 0)
                idf = 1e-6; // as FTS5: a phrase in more than half the records still counts, a little
            score += idf * (frequencies[p] * (K1 + 1) / (frequencies[p] + lengthNorm));
        }
        // Negative like bm25(): better matches sort first in ascending order.
        sqlite3_result_double(context, -score);
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
        public IntPtr Rowid;
        public IntPtr ColumnText;
        public delegate* unmanaged<IntPtr, int, int*, int> ColumnSize;
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
}
