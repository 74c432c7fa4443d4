namespace Shop.Bench;

/// <summary>Resident memory of each service run by the AppHost: at idle (before any load) and after the load scenarios.</summary>
internal static class MemoryScenario
{
    public static readonly string[] Services = ["catalog-api", "basket-api", "ordering-worker", "webfrontend"];

    public static void Record(BenchContext bench, string when, bool withTarget)
    {
        foreach (var service in Services)
        {
            var megabytes = Memory.ResidentMegabytes(Memory.FindServiceProcess(bench.App.Application.Options.StateDirectory, bench.Project(service).AssemblyPath));
            bench.Report.Add(new Measurement("memory", $"{service} RSS {when}", megabytes, "MB")
            {
                Target = withTarget ? "< 120 MB" : null,
                Met = withTarget ? megabytes < 120 : null,
            });
        }
    }
}
