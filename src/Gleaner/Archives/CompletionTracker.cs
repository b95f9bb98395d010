namespace Gleaner.Archives;

/// <summary>
/// Follows which records of each file are finished, in whatever order the workers finish them, and tells
/// the last position up to which all are: the point a resumed run can start after. Thread-safe.
/// </summary>
internal sealed class CompletionTracker
{
    private readonly object _gate = new();
    private readonly Dictionary<string, FileState> _files = new(StringComparer.Ordinal);

    private sealed class FileState
    {
        public long Next;                                  // lowest sequence number not finished
        public readonly Dictionary<long, WarcPosition> Ahead = []; // finished, waiting for lower ones
        public WarcPosition? Reached;                      // position of record Next-1
        public WarcPosition? Reported;
        public long Total = -1;                            // records in the file, once read to the end
        public bool Incomplete;                            // reading stopped before the end: never done
        public bool DoneReported;
        public DateTime LastReport = DateTime.UtcNow;
    }

    public void Start(string file, WarcPosition? resumeAfter)
    {
        lock (_gate)
            _files[file] = new FileState { Reached = resumeAfter, Reported = resumeAfter };
    }

    public void Finish(string file, long sequence, WarcPosition position)
    {
        lock (_gate)
        {
            var state = _files[file];
            if (sequence != state.Next)
            {
                state.Ahead[sequence] = position;
                return;
            }
            state.Reached = position;
            state.Next++;
            while (state.Ahead.Remove(state.Next, out var next))
            {
                state.Reached = next;
                state.Next++;
            }
        }
    }

    /// <summary>The reader has read all <paramref name="total"/> records of the file; with <paramref name="complete"/>
    /// false it stopped before the end (the input broke), so the file is never reported done.</summary>
    public void EndOfFile(string file, long total, bool complete = true)
    {
        lock (_gate)
        {
            var state = _files[file];
            state.Total = total;
            state.Incomplete = !complete;
        }
    }

    /// <summary>Checkpoints worth reporting now: files finished, and files that moved on and were last reported longer ago than <paramref name="interval"/>.</summary>
    public List<WarcCheckpoint>? Due(TimeSpan interval, bool all = false)
    {
        List<WarcCheckpoint>? due = null;
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            foreach (var (file, state) in _files)
            {
                if (state.DoneReported)
                    continue;
                var done = state.Total >= 0 && state.Next == state.Total && !state.Incomplete;
                var moved = state.Reached != state.Reported;
                if (!done && !(moved && (all || now - state.LastReport >= interval)))
                    continue;
                state.Reported = state.Reached;
                state.LastReport = now;
                state.DoneReported = done;
                (due ??= []).Add(new WarcCheckpoint(file, state.Reached, done));
            }
        }
        return due;
    }
}
