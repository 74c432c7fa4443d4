using System.Diagnostics;

namespace Shop.Hosting.Dashboard;

/// <summary>Opens a URL in the user's default browser, when there is a screen to show it on.</summary>
internal static class BrowserLauncher
{
    public static void Open(Uri url)
    {
        var hasDisplay = !OperatingSystem.IsLinux()
            || Environment.GetEnvironmentVariable("DISPLAY") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("WAYLAND_DISPLAY") is { Length: > 0 };
        if (!hasDisplay)
        {
            return;
        }

        try
        {
            Process.Start(new ProcessStartInfo(url.ToString()) { UseShellExecute = true })?.Dispose();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No browser registered: the URL is printed.
        }
    }
}
