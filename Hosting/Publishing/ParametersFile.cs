using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Shop.Hosting.Publishing;

/// <summary>main.parameters.json: the main.bicep parameters azd fills from its environment (<c>${NAME}</c>,
/// <c>${NAME=default}</c>). Secure parameters are absent on purpose: azd generates them and keeps them in the
/// environment's config, outside the repository.</summary>
internal static class ParametersFile
{
    public static string Write(IReadOnlyList<KeyValuePair<string, string>> bindings)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            // Keeps the backquotes of the header and the ${…} of the bindings readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            // JSON has no comments: this property is the header, and azd ignores properties it does not know.
            json.WriteString("//", AzureDeployment.GeneratedHeader);
            json.WriteString("$schema", "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#");
            json.WriteString("contentVersion", "1.0.0.0");
            json.WriteStartObject("parameters");
            foreach (var (parameter, variable) in bindings)
            {
                json.WriteStartObject(parameter);
                json.WriteString("value", $"${{{variable}}}");
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
