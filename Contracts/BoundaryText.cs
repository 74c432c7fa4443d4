namespace Shop.Contracts;

/// <summary>The one rule for text that crosses a boundary: present (unless optional), at most so long, and nothing a
/// column or a log line cannot hold. PostgreSQL rejects NUL in text outright; other control characters and unpaired
/// surrogates would be stored, then break whatever renders or re-encodes them.</summary>
public static class BoundaryText
{
    /// <summary>Why <paramref name="value"/> cannot be accepted, as a sentence starting with <paramref name="label"/>;
    /// null when it can. Surrounding white space does not count towards the length (callers store the value trimmed).</summary>
    public static string? Problem(string label, string? value, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"{label} is required." : null;
        }

        if (value.Trim().Length > maxLength)
        {
            return $"{label} must be at most {maxLength} characters.";
        }

        return HasForbiddenCharacter(value) ? $"{label} must not contain control characters or broken Unicode." : null;
    }

    public static bool HasForbiddenCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
