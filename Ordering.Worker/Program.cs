using Shop.Ordering.Worker.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddOrdering();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
