using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Gleaner.Fuzz;

public sealed record FuzzOptions
{
    /// <summary>Seed of the mutations: the same seed gives the same inputs, target by target.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Inputs per target; with <see cref="Duration"/>, whichever ends first.</summary>
    public int InputsPerTarget { get; init; } = int.MaxValue;

    /// <summary>Total time, split evenly between the targets.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.MaxValue;

    /// <summary>An input using more processor time than this is a hang.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Mutated inputs are cut to this size.</summary>
    public int MaxInputBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Where crashing and hanging inputs are written (with the exception beside them); null to keep none.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Only these targets (all when empty).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];
}

/// <summary>A crash (an exception the entry point does not document for bad input) or a hang; one per distinct signature.</summary>
public sealed record FuzzFinding(string Target, string Kind, string Signature, string Detail, string? SavedAs);

public sealed record TargetReport(string Target, int Inputs, double Seconds, int Crashes, int Hangs, long MaxAllocatedPerInput, long PeakManagedHeap, long PeakWorkingSet)
{
    public double InputsPerSecond => Seconds > 0 ? Inputs / Seconds : 0;

    public override string ToString() =>
        $"{Target,-13} {Inputs,8} inputs {InputsPerSecond,8:0.0}/s  crashes {Crashes,3}  hangs {Hangs,2}  " +
        $"max allocated/input {Megabytes(MaxAllocatedPerInput),7:0.0} MB  peak heap {Megabytes(PeakManagedHeap),6:0.0} MB  peak working set {Megabytes(PeakWorkingSet),6:0.0} MB";

    private static double Megabytes(long bytes) => bytes / 1048576.0;
}

public sealed record FuzzReport(IReadOnlyList<TargetReport> Targets, IReadOnlyList<FuzzFinding> Findings)
{
    public int Crashes => Targets.Sum(t => t.Crashes);
    public int Hangs => Targets.Sum(t => t.Hangs);

    public string Summary =>
        $"fuzz: {Targets.Sum(t => t.Inputs)} inputs over {Targets.Count} targets in {Targets.Sum(t => t.Seconds):0} s, " +
        $"{Crashes} crashes ({Findings.Count(f => f.Kind == "crash")} distinct), {Hangs} hangs, " +
        $"peak working set {Targets.Select(t => t.PeakWorkingSet).DefaultIfEmpty().Max() / 1048576.0:0} MB";
}

/// <summary>
/// Feeds mutated inputs to each target in turn, one at a time on a worker thread watched by the caller:
/// an input past the budget is a hang (its worker is abandoned, a new one takes over), an undocumented
/// exception a crash. Memory is sampled while a target runs.
/// </summary>
public sealed class FuzzRunner(FuzzOptions options, Action<string>? log = null)
{
    private const int MaxAbandonedWorkers = 4;
    private const int SavedPerSignature = 3;

    private readonly Dictionary<string, int> _saved = new(StringComparer.Ordinal);
    private int _abandoned;

    public FuzzReport Run(IReadOnlyList<FuzzTarget> targets)
    {
        var chosen = targets.Where(t => options.Targets.Count == 0 || options.Targets.Contains(t.Name)).ToList();
        var perTarget = options.Duration == TimeSpan.MaxValue ? TimeSpan.MaxValue : options.Duration / Math.Max(1, chosen.Count);
        var reports = new List<TargetReport>();
        var findings = new List<FuzzFinding>();
        for (var i = 0; i < chosen.Count && _abandoned < MaxAbandonedWorkers; i++)
        {
            // Not HashCode.Combine: it is seeded anew in every process, and a run must be repeatable.
            var report = RunTarget(chosen[i], unchecked(options.Seed * 1_000_003 + i), perTarget, findings);
            reports.Add(report);
            log?.Invoke(report.ToString());
        }
        return new FuzzReport(reports, findings);
    }

    private TargetReport RunTarget(FuzzTarget target, int seed, TimeSpan duration, List<FuzzFinding> findings)
    {
        GC.Collect();
        var random = new Random(seed);
        var mutator = new Mutator(random, options.MaxInputBytes);
        var scratch = Directory.CreateTempSubdirectory("gleaner-fuzz-");
        var sampler = new MemorySampler();
        var worker = new Worker(target, scratch.FullName);
        int inputs = 0, crashes = 0, hangs = 0;
        long maxAllocated = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            while (inputs < options.InputsPerTarget && clock.Elapsed < duration)
            {
                var seedInput = target.Seeds[random.Next(target.Seeds.Count)];
                // One input in eight is an unchanged seed, so the seeds themselves are checked too.
                var input = random.Next(8) == 0 ? seedInput : mutator.Mutate(seedInput, target.Seeds[random.Next(target.Seeds.Count)]);
                inputs++;
                var outcome = worker.Feed(input, options.Budget);
                if (outcome is null)
                {
                    hangs++;
                    Note(target, "hang", "no answer", $"no answer within {options.Budget.TotalSeconds:0.#} s", input, findings);
                    if (++_abandoned >= MaxAbandonedWorkers)
                    {
                        log?.Invoke($"fuzz: {_abandoned} workers hang; stopping");
                        break;
                    }
                    worker = new Worker(target, scratch.CreateSubdirectory("w" + _abandoned).FullName);
                    continue;
                }
                maxAllocated = Math.Max(maxAllocated, outcome.Value.Allocated);
                if (outcome.Value.Error is { } error && !target.IsBadInputAnswer(error))
                {
                    crashes++;
                    Note(target, "crash", Signature(error), error.ToString(), input, findings);
                }
            }
        }
        finally
        {
            worker.Stop();
            sampler.Dispose();
            try
            {
                scratch.Delete(recursive: true);
            }
            catch (IOException)
            {
                // an abandoned worker may still hold a file open
            }
        }
        return new TargetReport(target.Name, inputs, clock.Elapsed.TotalSeconds, crashes, hangs, maxAllocated, sampler.PeakHeap, sampler.PeakWorkingSet);
    }

    /// <summary>The exception type and the first Gleaner frame: one bug, however many inputs reach it.</summary>
    private static string Signature(Exception error)
    {
        var frame = error.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at Gleaner.", StringComparison.Ordinal) && !l.StartsWith("at Gleaner.Fuzz.", StringComparison.Ordinal));
        frame = frame is null ? "" : frame.Split(" in ")[0];
        return $"{error.GetType().Name} {frame}";
    }

    /// <summary>Counts a finding once per target, kind and signature, and saves its first few inputs.</summary>
    private void Note(FuzzTarget target, string kind, string signature, string detail, byte[] input, List<FuzzFinding> findings)
    {
        var key = $"{target.Name} {kind} {signature}";
        var count = _saved.GetValueOrDefault(key);
        _saved[key] = count + 1;
        string? savedAs = null;
        if (options.OutputFolder is { } folder && count < SavedPerSignature)
        {
            Directory.CreateDirectory(folder);
            var hash = Convert.ToHexStringLower(SHA256.HashData(input))[..12];
            savedAs = Path.Combine(folder, $"{target.Name}-{kind}-{hash}.{target.Extension}");
            File.WriteAllBytes(savedAs, input);
            File.WriteAllText(savedAs + ".txt", $"{target.Name} {kind}: {signature}\n{detail}\n");
            log?.Invoke($"fuzz: {target.Name} {kind}: {signature} -> {savedAs}");
        }
        if (count == 0)
            findings.Add(new FuzzFinding(target.Name, kind, signature, detail, savedAs));
    }

    /// <summary>Runs a target's inputs on its own thread, so the caller can give up on one that does not end.</summary>
    private sealed class Worker
    {
        private readonly FuzzTarget _target;
        private readonly string _scratch;
        private readonly Thread _thread;
        private readonly SemaphoreSlim _start = new(0);
        private readonly SemaphoreSlim _done = new(0);
        private byte[]? _input;
        private (Exception? Error, long Allocated) _outcome;
        private volatile bool _stopping;

        public Worker(FuzzTarget target, string scratch)
        {
            _target = target;
            _scratch = scratch;
            _thread = new Thread(Loop, 16 * 1024 * 1024) { IsBackground = true, Name = "fuzz " + target.Name };
            _thread.Start();
        }

        /// <summary>
        /// The outcome of one input, or null when it ran past <paramref name="budget"/> of processor time (the
        /// machine may be shared: wall time would count other programs' work), or six times that in wall time (a wait that never ends).
        /// </summary>
        public (Exception? Error, long Allocated)? Feed(byte[] input, TimeSpan budget)
        {
            _input = input;
            var cpuStart = ProcessorTime();
            var wall = Stopwatch.StartNew();
            _start.Release();
            var slice = TimeSpan.FromMilliseconds(Math.Min(250, budget.TotalMilliseconds));
            while (!_done.Wait(slice))
                if (ProcessorTime() - cpuStart > budget || wall.Elapsed > budget * 6)
                    return null;
            return _outcome;
        }

        private static TimeSpan ProcessorTime()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }

        public void Stop()
        {
            _stopping = true;
            _start.Release();
        }

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
                if (_stopping)
                    return;
                // All threads: the WARC harvester extracts on its own workers; inputs run one at a time.
                var before = GC.GetTotalAllocatedBytes();
                Exception? error = null;
                try
                {
                    _target.Run(_input!, _scratch);
                }
                catch (Exception e)
                {
                    error = e;
                }
                _outcome = (error, GC.GetTotalAllocatedBytes() - before);
                _done.Release();
            }
        }
    }

    /// <summary>Samples the managed heap and the process working set every 50 ms.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peakHeap;
        private long _peakWorkingSet;

        public MemorySampler()
        {
            _timer = new Timer(_ => Sample(), null, 0, 50);
        }

        public long PeakHeap => Interlocked.Read(ref _peakHeap);
        public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

        private void Sample()
        {
            var heap = GC.GetTotalMemory(false);
            using var process = Process.GetCurrentProcess();
            var workingSet = process.WorkingSet64;
            if (heap > Interlocked.Read(ref _peakHeap))
                Interlocked.Exchange(ref _peakHeap, heap);
            if (workingSet > Interlocked.Read(ref _peakWorkingSet))
                Interlocked.Exchange(ref _peakWorkingSet, workingSet);
        }

        public void Dispose()
        {
            _timer.Dispose();
            Sample();
        }
    }
}
