using System.Globalization;
using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>Small type tests on JSON values, with JSON Schema's meaning of "integer".</summary>
internal static class JsonValues
{
    /// <summary>The property of an object, or false when the value is not an object or lacks it.</summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A number without a fractional part (JSON Schema counts <c>1.0</c> as an integer).</summary>
    public static bool IsInteger(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number
        && (value.TryGetInt64(out _) || (value.TryGetDouble(out var d) && double.IsFinite(d) && Math.Floor(d) == d));

    /// <summary>The integer value, when <see cref="IsInteger"/> holds and it fits a long.</summary>
    public static bool TryGetInteger(JsonElement value, out long result)
    {
        result = 0;
        if (!IsInteger(value))
        {
            return false;
        }

        if (value.TryGetInt64(out result))
        {
            return true;
        }

        var d = value.GetDouble();
        if (d is >= long.MinValue and <= long.MaxValue)
        {
            result = (long)d;
            return true;
        }

        return false;
    }

    /// <summary>Whether every item of an array is a JSON number.</summary>
    public static bool IsNumberArray(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value as a short phrase for messages: <c>the number 255</c>, <c>"abc"</c>, <c>an object</c>.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{Shorten(value.GetString() ?? string.Empty)}\"",
        JsonValueKind.Number => "the number " + value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => string.Create(CultureInfo.InvariantCulture, $"a list of {value.GetArrayLength()}"),
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
