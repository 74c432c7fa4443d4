using Aspire.Hosting.ApplicationModel;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Hosting.Azurite;

/// <summary>Healthy when both services answer a request signed with the account key.</summary>
internal sealed class AzuriteHealthCheck(AzuriteResource resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
            await new BlobServiceClient(connectionString).GetPropertiesAsync(cancellationToken);
            await new QueueServiceClient(connectionString).GetPropertiesAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is RequestFailedException or HttpRequestException or AggregateException)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }
}
