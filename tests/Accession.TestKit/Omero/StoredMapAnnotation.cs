namespace Accession.TestKit.Omero;

/// <summary>
/// A MapAnnotation as the fake OMERO stores it: namespace, ordered key-value pairs, owner, group,
/// creation time and the images it is linked to. A snapshot; immutable.
/// </summary>
public sealed record StoredMapAnnotation(
    long Id,
    string Namespace,
    IReadOnlyList<KeyValuePair<string, string>> Values,
    FakeOmeroUser Owner,
    long GroupId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<long> ImageIds)
{
    /// <summary>The value of the first pair with <paramref name="key"/>, or null.</summary>
    public string? Value(string key)
    {
        foreach (var pair in Values)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }

        return null;
    }
}

/// <summary>How many map annotations <c>annotate_map</c> created, updated and deleted. Immutable.</summary>
public readonly record struct AnnotationCounts(int Created, int Updated, int Deleted);
