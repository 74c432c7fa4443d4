using Shop.WebFrontend.Accounts;
using Shop.WebFrontend.Components;
using Shop.WebFrontend.Endpoints;
using Shop.WebFrontend.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebFrontend();
builder.Services.AddOperatorForwarding();

var app = builder.Build();

// In every environment, Development included: this is the public endpoint, and a shopper never sees a stack trace.
// The cause is in the log and the trace, under the reference the error page shows.
// No HTTPS redirection or HSTS here: TLS ends at the platform's ingress, which only forwards plain HTTP.
app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.UseSecurityHeaders();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAntiforgery();
app.UseFriendlyAntiforgeryFailures();

app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapProductImages();
app.MapProductPhotos();
app.MapOrderStatus();
app.MapOperatorEndpoints();
app.MapAccountEndpoints();
app.MapRazorComponents<App>();

app.Run();
