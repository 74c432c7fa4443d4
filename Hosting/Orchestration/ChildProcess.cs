using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Shop.Hosting.Orchestration;

/// <summary>What to launch: the program, its arguments, environment and (optionally) the unprivileged user to run it as.</summary>
public sealed record ChildProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Run as this user (only when the AppHost runs as root: PostgreSQL refuses to run as root).</summary>
    public string? RunAsUser { get; init; }

    /// <summary>Signal the child receives when the AppHost dies, even by SIGKILL.</summary>
    public PosixSignalNumber ParentDeathSignal { get; init; } = PosixSignalNumber.Term;
}

public enum PosixSignalNumber
{
    Hangup = 1,
    Interrupt = 2,
    Quit = 3,
    Kill = 9,
    Term = 15,
}

/// <summary>A child process whose output lines go to a sink, and which cannot outlive the AppHost.</summary>
public sealed partial class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the process. Output lines go to <paramref name="onOutput"/> (isError: from stderr).</summary>
    public static async Task<ChildProcess> StartAsync(ChildProcessSpec spec, Action<string, bool> onOutput)
    {
        var startInfo = BuildStartInfo(spec);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onOutput(e.Data, false);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onOutput(e.Data, true);
            }
        };

        await Launcher.StartAsync(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public void Signal(PosixSignalNumber signal)
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, (int)signal);
        }
    }

    /// <summary>Sends <paramref name="signal"/>, waits for the exit, and kills the process when <paramref name="cancellationToken"/> fires first.</summary>
    public async Task StopAsync(PosixSignalNumber signal, CancellationToken cancellationToken)
    {
        Signal(signal);
        try
        {
            await _process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Signal(PosixSignalNumber.Kill);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        Signal(PosixSignalNumber.Kill);
        _process.Dispose();
    }

    private static ProcessStartInfo BuildStartInfo(ChildProcessSpec spec)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };

        // setpriv (util-linux) sets the parent-death signal and drops privileges, then execs the program itself,
        // so the signal reaches the real server process and no wrapper stays in between.
        if (OperatingSystem.IsLinux() && File.Exists(SetPrivPath))
        {
            startInfo.FileName = SetPrivPath;
            if (spec.RunAsUser is { } user)
            {
                startInfo.ArgumentList.Add($"--reuid={user}");
                startInfo.ArgumentList.Add($"--regid={user}");
                startInfo.ArgumentList.Add("--init-groups");
            }

            startInfo.ArgumentList.Add($"--pdeathsig={SignalName(spec.ParentDeathSignal)}");
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(spec.FileName);
        }
        else
        {
            startInfo.FileName = spec.FileName;
        }

        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment)
        {
            startInfo.Environment[key] = value;
        }

        return startInfo;
    }

    private const string SetPrivPath = "/usr/bin/setpriv";

    private static string SignalName(PosixSignalNumber signal) => signal switch
    {
        PosixSignalNumber.Hangup => "HUP",
        PosixSignalNumber.Interrupt => "INT",
        PosixSignalNumber.Quit => "QUIT",
        PosixSignalNumber.Kill => "KILL",
        _ => "TERM",
    };

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>The kernel delivers the parent-death signal when the *thread* that forked the child ends, so every
    /// child is forked from one thread that lives as long as the AppHost (thread-pool threads come and go).</summary>
    private static class Launcher
    {
        private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> _queue = [];

        static Launcher()
        {
            var thread = new Thread(Run) { IsBackground = true, Name = "Shop child-process launcher" };
            thread.Start();
        }

        public static Task StartAsync(Process process)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _queue.Add((process, started));
            return started.Task;
        }

        private static void Run()
        {
            foreach (var (process, started) in _queue.GetConsumingEnumerable())
            {
                try
                {
                    process.Start();
                    started.SetResult();
                }
                catch (Exception ex)
                {
                    started.SetException(ex);
                }
            }
        }
    }
}
