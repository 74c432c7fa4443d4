namespace Shop.Hosting.LocalServers;

/// <summary>Where the local server processes keep their data: one folder per resource under
/// <c>LocalServers:DataPath</c> (./run.sh --state-dir), by default ~/.local/share/shop. Data outlives the app host, so
/// a second run finds the catalog, baskets and orders of the first.</summary>
public static class LocalServerOptions
{
    public const string DataPathKey = "LocalServers:DataPath";

    /// <summary>Every process of a local server carries this variable, set to its data root, so the processes of one app
    /// host can be found (by tests, or by hand) in /proc/*/environ.</summary>
    public const string ProcessMarkerVariable = "SHOP_STATE_DIR";

    public static string DefaultDataPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "shop");
}
