using System.Collections;

namespace Shop.Hosting.Publishing.Bicep;

/// <summary>A Bicep array literal, one item per line.</summary>
public sealed class BicepArray : BicepValue, IEnumerable<BicepValue>
{
    private readonly List<BicepValue> _items = [];

    public int Count => _items.Count;

    public void Add(BicepValue item) => _items.Add(item);

    public IEnumerator<BicepValue> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal override void WriteTo(BicepWriter writer)
    {
        if (_items.Count == 0)
        {
            writer.Write("[]");
            return;
        }

        writer.Write("[");
        writer.Indent();
        foreach (var item in _items)
        {
            writer.NewLine();
            item.WriteTo(writer);
        }

        writer.Outdent();
        writer.NewLine();
        writer.Write("]");
    }
}
