using System.Security.Cryptography;
using System.Text.Json;

namespace Shop.Hosting.Orchestration;

/// <summary>The folder that holds every resource's data and the credentials generated for them.
/// Credentials are made once per folder and reused, so a second run finds its data and can log in.</summary>
public sealed class StateFolder
{
    private const string SecretsFileName = "secrets.json";
    private readonly Lock _lock = new();
    private readonly string _secretsPath;

    public StateFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
        _secretsPath = System.IO.Path.Combine(Path, SecretsFileName);
    }

    public string Path { get; }

    /// <summary>Every process started for a resource carries this variable, set to the state folder, so the
    /// processes of one AppHost can be found (by tests, or by hand) in /proc/*/environ.</summary>
    public const string ProcessMarkerVariable = "SHOP_STATE_DIR";

    /// <summary>The default: a folder in the user's data directory (~/.local/share/shop on Linux).</summary>
    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "shop");

    public string GetResourceDirectory(string resourceName)
    {
        var directory = System.IO.Path.Combine(Path, resourceName);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Returns the secret stored under <paramref name="key"/>, generating and saving it on first use.</summary>
    public string GetOrCreateSecret(string key)
    {
        lock (_lock)
        {
            var secrets = ReadSecrets();
            if (!secrets.TryGetValue(key, out var value))
            {
                value = GenerateSecret();
                secrets[key] = value;
                WriteSecrets(secrets);
            }

            return value;
        }
    }

    /// <summary>Letters and digits only: the secret goes into URIs and connection strings unescaped.</summary>
    internal static string GenerateSecret(int length = 32)
    {
        const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(Alphabet, length);
    }

    private Dictionary<string, string> ReadSecrets() =>
        File.Exists(_secretsPath)
            ? JsonSerializer.Deserialize(File.ReadAllText(_secretsPath), HostingJsonContext.Default.DictionaryStringString) ?? []
            : [];

    private void WriteSecrets(Dictionary<string, string> secrets)
    {
        var temporary = _secretsPath + ".tmp";
        PrivateFile.WriteAsync(temporary, JsonSerializer.Serialize(secrets, HostingJsonContext.Default.DictionaryStringString), CancellationToken.None)
            .GetAwaiter().GetResult();
        File.Move(temporary, _secretsPath, overwrite: true);
    }
}
