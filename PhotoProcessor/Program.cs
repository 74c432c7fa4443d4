using Shop.PhotoProcessor.Extensions;

var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddPhotoProcessor();

await builder.Build().RunAsync();
