using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Shop.Contracts;

namespace Shop.Ordering.Worker.Outbox;

/// <summary>The messages this service sends through its outbox. A row names its type by the short contract name, so
/// that rows written before a refactoring of namespaces still dispatch.</summary>
internal static class OutboxMessageTypes
{
    private static readonly Dictionary<string, Type> _byName = new[] { typeof(OrderStatusChanged), typeof(ReserveStock), typeof(ReleaseStock) }
        .ToDictionary(type => type.Name, StringComparer.Ordinal);

    public static string NameOf(Type type) =>
        _byName.ContainsKey(type.Name) ? type.Name : throw new ArgumentException($"{type.Name} is not an outbox message type.", nameof(type));

    public static Type TypeOf(string name) =>
        _byName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown outbox message type '{name}'.");

    public static JsonTypeInfo TypeInfoOf(Type type) => OutboxJsonContext.Default.GetTypeInfo(type)
        ?? throw new InvalidOperationException($"{type.Name} has no serialization metadata.");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderStatusChanged))]
[JsonSerializable(typeof(ReserveStock))]
[JsonSerializable(typeof(ReleaseStock))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
