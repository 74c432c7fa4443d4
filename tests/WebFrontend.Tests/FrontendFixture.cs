namespace Shop.WebFrontend.Tests;

/// <summary>One fake backend and one in-process frontend for the whole assembly; each test is its own shopper (a new
/// cookie jar, so a new buyer id).</summary>
public sealed class FrontendFixture : IAsyncLifetime
{
    public FakeShop Shop { get; private set; } = null!;

    public WebFrontendFactory Frontend { get; private set; } = null!;

    public FakeProduct Backpack { get; private set; } = null!;

    public FakeProduct Tent { get; private set; } = null!;

    public FakeProduct Lantern { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Shop = await FakeShop.StartAsync();
        Backpack = Shop.AddProduct("Alpine Trail Backpack", 89m, stock: 25);
        Tent = Shop.AddProduct("Trail & Summit Tent", 249.5m, stock: 3, type: "Tents");
        Lantern = Shop.AddProduct("Storm Lantern", 19.99m, stock: 0, type: "Lights");
        Frontend = new WebFrontendFactory(Shop.Address);
    }

    public ShopperSession NewShopper() => new(Frontend.CreateBrowser());

    public async Task DisposeAsync()
    {
        await Frontend.DisposeAsync();
        await Shop.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class InProcessFrontend : ICollectionFixture<FrontendFixture>
{
    public const string Name = "frontend";
}
