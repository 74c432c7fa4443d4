namespace Shop.Contracts;

/// <summary>The names the app host gives its resources. A service finds a server's connection string under the same
/// name (<c>ConnectionStrings__catalogdb</c>) and another service's address as <c>http://catalog-api</c>.</summary>
public static class ResourceNames
{
    public const string CatalogDatabase = "catalogdb";
    public const string OrderingDatabase = "orderingdb";
    public const string IdentityDatabase = "identitydb";
    public const string Cache = "cache";
    public const string Messaging = "messaging";
    public const string Storage = "storage";

    public const string CatalogApi = "catalog-api";
    public const string BasketApi = "basket-api";
    public const string OrderingWorker = "ordering-worker";
    public const string WebFrontend = "webfrontend";
    public const string Migrator = "migrator";
    public const string PhotoProcessor = "photo-processor";

    /// <summary>Every database the migrator brings up to date.</summary>
    public static readonly IReadOnlyList<string> Databases = [CatalogDatabase, OrderingDatabase, IdentityDatabase];
}
