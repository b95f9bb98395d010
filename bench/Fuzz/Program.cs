using System.Globalization;
using Gleaner.Fuzz;

// bench/run fuzz [SECONDS]: Fuzz SECONDS [SEED] [SHARED_DATA] [OUTPUT_FOLDER] (TARGETS=a,b to choose targets)
// Fuzz repro TARGET FILE: feeds one saved input to TARGET and prints what happens.
if (args.Length == 3 && args[0] == "repro")
{
    var scratch = Directory.CreateTempSubdirectory("gleaner-fuzz-").FullName;
    var target = FuzzTargets.All(Seeds.BuiltIn(), scratch).Single(t => t.Name == args[1]);
    try
    {
        target.Run(File.ReadAllBytes(args[2]), scratch);
        Console.WriteLine("no exception");
        return 0;
    }
    catch (Exception e)
    {
        Console.WriteLine((target.IsBadInputAnswer(e) ? "bad-input answer: " : "CRASH: ") + e);
        return target.IsBadInputAnswer(e) ? 0 : 1;
    }
}

var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 60;
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
var shared = args.Length > 2 ? args[2] : null;
var output = args.Length > 3 ? args[3] : Path.Combine("bench", "out", "fuzz");

var seeds = Seeds.BuiltIn();
if (shared is not null && Directory.Exists(shared))
    seeds.AddShared(shared, maxPages: 120);
else
    Console.Error.WriteLine($"fuzz: no shared data at '{shared}': built-in seeds only");
Console.WriteLine($"fuzz: seed {seed}, {seconds:0} s, {seeds.Pages.Count} pages, {seeds.Warcs.Count} WARC files, {seeds.Discovery.Count} feeds/sitemaps/pages, {seeds.Queries.Count} queries; findings in {output}");

var scratchFolder = Directory.CreateTempSubdirectory("gleaner-fuzz-");
var options = new FuzzOptions
{
    Seed = seed,
    Duration = TimeSpan.FromSeconds(seconds),
    OutputFolder = output,
    Targets = Environment.GetEnvironmentVariable("TARGETS")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
};
var report = new FuzzRunner(options, Console.WriteLine).Run(FuzzTargets.All(seeds, scratchFolder.FullName));
foreach (var finding in report.Findings)
    Console.WriteLine($"  {finding.Target} {finding.Kind}: {finding.Signature}{(finding.SavedAs is null ? "" : " (" + finding.SavedAs + ")")}");
Console.WriteLine(report.Summary);
try
{
    scratchFolder.Delete(recursive: true);
}
catch (IOException)
{
    // the search store of a hung worker may still be open
}
return report.Crashes + report.Hangs > 0 ? 1 : 0;
