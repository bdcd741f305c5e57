using System.Text.Json;

namespace Accession.Iscc.Tests;

internal static class JsonAssert
{
    /// <summary>Full-object equality: the same keys, and each value serialises identically.</summary>
    public static void SameObject(JsonElement expected, IReadOnlyDictionary<string, object> actual, string context)
    {
        var expectedKeys = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(expectedKeys.SequenceEqual(actual.Keys.Order(StringComparer.Ordinal)), $"{context}: keys {string.Join(",", actual.Keys)}");
        foreach (var property in expected.EnumerateObject())
        {
            var actualValue = JsonSerializer.Serialize(actual[property.Name]);
            Assert.True(JsonSerializer.Serialize(property.Value) == actualValue, $"{context}: {property.Name} = {actualValue}");
        }
    }
}
