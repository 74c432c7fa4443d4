using Shop.Catalog.Api.Apis;
using Shop.Catalog.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCatalog();
builder.Services.AddDefaultProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseDefaultProblemDetails();

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapCatalogApi();
app.MapCatalogImagesApi();
app.MapCatalogOperatorApi();

app.Run();
