using System.Text;

namespace Shop.Publishing.Tests;

/// <summary>A position in Bicep text and the lexical steps over it: words, string literals with escapes and
/// interpolations, brackets that must balance, blanks and comments.</summary>
public sealed class BicepCursor(string text)
{
    public string Text => text;

    public int Position { get; private set; }

    public bool AtEnd => Position >= text.Length;

    public char Current => Position < text.Length ? text[Position] : '\0';

    public char Peek(int offset) => Position + offset < text.Length ? text[Position + offset] : '\0';

    public void Advance(int count = 1) => Position += count;

    public void MoveTo(int position) => Position = position;

    /// <summary>Moves to the end of the line, through brackets and strings that must close on it.</summary>
    public void SkipBalancedToLineEnd()
    {
        var open = new Stack<char>();
        while (!AtEnd && (Current != '\n' || open.Count > 0))
        {
            switch (Current)
            {
                case '\'':
                    SkipString(null);
                    continue;
                case '(' or '[' or '{':
                    open.Push(Current);
                    break;
                case ')' or ']' or '}':
                    if (open.Count == 0 || "([{"[")]}".IndexOf(Current, StringComparison.Ordinal)] != open.Pop())
                    {
                        throw Error($"unbalanced '{Current}'");
                    }

                    break;
            }

            Position++;
        }
    }

    /// <summary>Skips a string literal with its escapes and interpolations; copies the interpolations' code to
    /// <paramref name="code"/>.</summary>
    public void SkipString(StringBuilder? code)
    {
        code?.Append('\'');
        Position++;
        while (Current != '\'')
        {
            if (AtEnd || Current == '\n')
            {
                throw Error("unclosed string");
            }

            if (Current == '\\')
            {
                Position += 2;
            }
            else if (Current == '$' && Peek(1) == '{')
            {
                SkipInterpolation(code);
            }
            else
            {
                Position++;
            }
        }

        Position++;
        code?.Append('\'');
    }

    public string ReadStringLiteral()
    {
        SkipSpaces();
        if (Current != '\'')
        {
            throw Error("expected a string");
        }

        var start = Position;
        SkipString(null);
        return text[(start + 1)..(Position - 1)];
    }

    public string ReadWord()
    {
        SkipSpaces();
        var start = Position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current == '_'))
        {
            Position++;
        }

        return Position > start ? text[start..Position] : throw Error("expected a name");
    }

    /// <summary>Skips blank lines and comments; false at the end of the text.</summary>
    public bool SkipBlankAndComments()
    {
        while (!AtEnd)
        {
            if (char.IsWhiteSpace(Current))
            {
                Position++;
            }
            else if (Current == '/' && Peek(1) == '/')
            {
                SkipComment();
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    public void SkipComment() => Position = text.IndexOf('\n', Position) is var end and >= 0 ? end : text.Length;

    public void SkipSpaces()
    {
        while (Current == ' ')
        {
            Position++;
        }
    }

    public bool TryRead(string token)
    {
        SkipSpaces();
        if (!text.AsSpan(Position).StartsWith(token))
        {
            return false;
        }

        Position += token.Length;
        return true;
    }

    public void Expect(char token)
    {
        if (!TryRead(token.ToString()))
        {
            throw Error($"expected '{token}'");
        }
    }

    public void ExpectLineEnd()
    {
        SkipSpaces();
        if (!AtEnd && Current != '\n')
        {
            throw Error("expected the end of the line");
        }
    }

    public FormatException Error(string what)
    {
        var line = text.AsSpan(0, Math.Min(Position, text.Length)).Count('\n') + 1;
        return new FormatException($"Bicep line {line}: {what}.");
    }

    private void SkipInterpolation(StringBuilder? code)
    {
        var start = Position + 2;
        Position = start;
        var depth = 1;
        while (depth > 0)
        {
            if (AtEnd)
            {
                throw Error("unclosed interpolation");
            }

            if (Current == '\'')
            {
                SkipString(null);
                continue;
            }

            depth += Current switch { '{' => 1, '}' => -1, _ => 0 };
            Position++;
        }

        code?.Append(' ').Append(text, start, Position - 1 - start).Append(' ');
    }
}
