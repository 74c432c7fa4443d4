using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Publishing;

/// <summary>A built-in role for a managed identity on one resource (never wider than that resource).</summary>
internal static class RoleAssignment
{
    /// <summary><paramref name="principal"/> names the identity in the assignment's name (a value known when the
    /// deployment starts, as ARM asks of names); <paramref name="principalId"/> is its object id.</summary>
    public static BicepResource Create(string symbol, BicepExpression scope, BicepExpression principal, BicepExpression principalId, string roleId) =>
        new(symbol, "Microsoft.Authorization/roleAssignments@2022-04-01", new BicepObject
        {
            ["name"] = new BicepExpression($"guid({scope}.id, {principal}, '{roleId}')"),
            ["scope"] = scope,
            ["properties"] = new BicepObject
            {
                ["principalId"] = principalId,
                ["principalType"] = "ServicePrincipal",
                ["roleDefinitionId"] = new BicepExpression($"subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{roleId}')"),
            },
        });
}
