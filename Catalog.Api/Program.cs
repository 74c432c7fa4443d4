using Shop.Catalog.Api.Apis;
using Shop.Catalog.Api.Extensions;
using Shop.Contracts;
using Shop.Schema;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCatalog();
builder.Services.AddDefaultProblemDetails();
builder.Services.AddOpenApi();

// Disposed on the way out below too, which flushes the console logger's queue: without it the one line saying why was
// sometimes lost with the process.
await using var app = builder.Build();

// The migrator brings the schema up to date before the services start; a service built for a newer one stops here.
if (!await app.HasCurrentSchemaAsync(ResourceNames.CatalogDatabase))
{
    return 1;
}

app.UseDefaultProblemDetails();

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapCatalogApi();
app.MapCatalogImagesApi();
app.MapCatalogOperatorApi();
app.MapCatalogPhotosApi();

await app.RunAsync();
return 0;
