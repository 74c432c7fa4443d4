using Shop.Ordering.Worker.Apis;
using Shop.Ordering.Worker.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddOrdering();
builder.Services.AddDefaultProblemDetails();

var app = builder.Build();

app.UseDefaultProblemDetails();

app.MapDefaultEndpoints();
app.MapOrdersApi();

app.Run();
