using System.Collections;

namespace Shop.Hosting.Publishing.Bicep;

/// <summary>A Bicep object literal whose properties keep the order they were set in, so output is stable.</summary>
public sealed class BicepObject : BicepValue, IEnumerable<KeyValuePair<string, BicepValue>>
{
    private readonly List<KeyValuePair<string, BicepValue>> _properties = [];

    /// <summary>Sets a property; a key that is not a plain identifier is written quoted.</summary>
    public BicepValue this[string key]
    {
        get => _properties.First(p => p.Key == KeyText(key)).Value;
        set => Set(KeyText(key), value);
    }

    /// <summary>Sets a property whose key is computed (<c>'${identityId}': {}</c>).</summary>
    public void SetComputed(BicepExpression key, BicepValue value) => Set(key.Text, value);

    public bool ContainsKey(string key) => _properties.Exists(p => p.Key == KeyText(key));

    public IEnumerator<KeyValuePair<string, BicepValue>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal override void WriteTo(BicepWriter writer)
    {
        if (_properties.Count == 0)
        {
            writer.Write("{}");
            return;
        }

        writer.Write("{");
        writer.Indent();
        foreach (var (key, value) in _properties)
        {
            writer.NewLine();
            writer.Write($"{key}: ");
            value.WriteTo(writer);
        }

        writer.Outdent();
        writer.NewLine();
        writer.Write("}");
    }

    private void Set(string key, BicepValue value)
    {
        var index = _properties.FindIndex(p => p.Key == key);
        if (index >= 0)
        {
            _properties[index] = new(key, value);
        }
        else
        {
            _properties.Add(new(key, value));
        }
    }

    private static string KeyText(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? key
            : $"'{Escape(key)}'";
}
