using Shop.PhotoProcessor.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPhotoProcessor();

var app = builder.Build();
app.MapDefaultEndpoints();

await app.RunAsync();
