using System.Text;

namespace Shop.Hosting.Publishing.Bicep;

/// <summary>Writes Bicep text with two-space indentation, LF line ends and no trailing spaces, as the repository's
/// .editorconfig asks of *.bicep files.</summary>
internal sealed class BicepWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;
    private bool _atLineStart = true;

    public void Write(string text)
    {
        if (_atLineStart && text.Length > 0)
        {
            _text.Append(' ', _depth * 2);
            _atLineStart = false;
        }

        _text.Append(text);
    }

    public void NewLine()
    {
        _text.Append('\n');
        _atLineStart = true;
    }

    public void Line(string text)
    {
        Write(text);
        NewLine();
    }

    public void Indent() => _depth++;

    public void Outdent() => _depth--;

    public override string ToString() => _text.ToString();
}
