namespace Shop.Ordering.Worker.Model;

/// <summary>Where the order ships to.</summary>
public sealed record Address(string FullName, string Street, string City, string PostalCode, string Country);
