using Shop.Contracts;
using Shop.Ordering.Worker.Apis;
using Shop.Ordering.Worker.Extensions;
using Shop.Schema;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddOrdering();
builder.Services.AddDefaultProblemDetails();

// Disposed on the way out below too, which flushes the console logger's queue: without it the one line saying why was
// sometimes lost with the process.
await using var app = builder.Build();

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
