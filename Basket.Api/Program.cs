using Shop.Basket.Api.Apis;
using Shop.Basket.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBasket();
builder.Services.AddDefaultProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseDefaultProblemDetails();

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapBasketApi();

app.Run();
