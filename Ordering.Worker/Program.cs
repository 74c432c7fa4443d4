using Shop.Contracts;
using Shop.Ordering.Worker.Apis;
using Shop.Ordering.Worker.Extensions;
using Shop.Schema;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddOrdering();
builder.Services.AddDefaultProblemDetails();

var app = builder.Build();

// The migrator brings the schema up to date before the services start; a service built for a newer one stops here.
if (!await app.HasCurrentSchemaAsync(ResourceNames.OrderingDatabase))
{
    return 1;
}

app.UseDefaultProblemDetails();

app.MapDefaultEndpoints();
app.MapOrdersApi();

await app.RunAsync();
return 0;
