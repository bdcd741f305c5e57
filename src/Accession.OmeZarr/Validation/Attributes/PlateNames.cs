namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// Plate row, column and field names: since 0.4 they "MUST contain only alphanumeric characters"
/// (schema pattern <c>^[A-Za-z0-9]+$</c>; shared/specs/ome-zarr.md §1.8).
/// </summary>
internal static class PlateNames
{
    public static bool IsAlphanumeric(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
