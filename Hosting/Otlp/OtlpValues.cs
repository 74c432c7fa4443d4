using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Shop.Hosting.Otlp.Proto;

namespace Shop.Hosting.Otlp;

/// <summary>Turns OTLP's wire shapes (AnyValue, byte ids, Unix nanoseconds) into what the dashboard shows.</summary>
internal static class OtlpValues
{
    /// <summary>What the SDK reports when a service sets no name.</summary>
    public const string UnknownService = "unknown_service";

    public static string ServiceName(Proto.Resource? resource) => Attribute(resource, "service.name") ?? UnknownService;

    public static string? ServiceInstance(Proto.Resource? resource) => Attribute(resource, "service.instance.id");

    public static DateTimeOffset ToTime(ulong unixNanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));

    /// <summary>Lower-case hex, the form trace ids take in W3C headers and logs; null for an absent id.</summary>
    public static string? ToHex(ByteString id) => id.IsEmpty ? null : Convert.ToHexStringLower(id.Span);

    public static IReadOnlyList<KeyValuePair<string, string>> ToPairs(RepeatedField<KeyValue> attributes) =>
        [.. attributes.Select(a => KeyValuePair.Create(a.Key, ToText(a.Value)))];

    public static string ToText(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(ToText)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {ToText(kv.Value)}")) + "}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => "",
    };

    private static string? Attribute(Proto.Resource? resource, string key) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == key) is { } attribute ? ToText(attribute.Value) : null;
}
