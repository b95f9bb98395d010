using Gleaner.Fuzz;

namespace Gleaner.Tests.Fuzzing;

/// <summary>A short, fixed-seed pass of the fuzzer of <c>bench/run fuzz</c> over its built-in seeds.</summary>
[Trait("Category", "Slow")]
public class FuzzSmokeTests
{
    private const int InputsPerTarget = 200;

    [Fact]
    public void AFixedSeedRunFindsNoCrashOrHangInAnyEntryPoint()
    {
        var scratch = Directory.CreateTempSubdirectory("gleaner-fuzz-test-");
        try
        {
            var options = new FuzzOptions
            {
                Seed = 20261129,
                InputsPerTarget = InputsPerTarget,
                // Generous: a hang is an input that never ends, not a slow machine.
                Budget = TimeSpan.FromSeconds(20),
                MaxInputBytes = 512 * 1024,
            };
            var report = new FuzzRunner(options).Run(FuzzTargets.All(Seeds.BuiltIn(), scratch.FullName));

            Assert.Equal(FuzzTargets.All(Seeds.BuiltIn(), scratch.FullName).Select(t => t.Name), report.Targets.Select(t => t.Target));
            Assert.All(report.Targets, target => Assert.Equal(InputsPerTarget, target.Inputs));
            Assert.True(report.Findings.Count == 0, string.Join("\n\n", report.Findings.Select(f => $"{f.Target} {f.Kind}: {f.Detail}")));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
