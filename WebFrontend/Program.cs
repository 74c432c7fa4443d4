using Shop.WebFrontend.Components;
using Shop.WebFrontend.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebFrontend();

var app = builder.Build();

// No HTTPS redirection or HSTS here: TLS ends at the platform's ingress, which only forwards plain HTTP.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapRazorComponents<App>();

app.Run();
