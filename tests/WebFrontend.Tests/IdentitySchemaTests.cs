using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Contracts;
using Shop.Schema;
using Shop.WebFrontend.Accounts;

namespace Shop.WebFrontend.Tests;

public sealed class IdentitySchemaTests
{
    /// <summary>The migration was generated from this model once and is kept as SQL; a change to the model (or an Identity
    /// update that changes its tables) must come with a new migration, or the first sign-up fails deployed.</summary>
    [Fact]
    public async Task The_identitydb_migrations_create_exactly_the_tables_Identity_s_model_maps_to()
    {
        await using var frontend = new WebFrontendFactory(
            new Uri($"http://127.0.0.1:{ClosedPort.Find()}"), identityDatabase: "Host=127.0.0.1;Port=1;Database=identitydb");
        using var scope = frontend.Services.CreateScope();
        var modelScript = scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database.GenerateCreateScript();

        var migrationScript = string.Concat(MigrationScript.LoadAll(ResourceNames.IdentityDatabase).Select(script => script.Sql));

        Assert.Equal(Statements(modelScript), Statements(migrationScript));
        Assert.Contains(Statements(migrationScript), statement => statement.StartsWith("CREATE TABLE \"AspNetUserPasskeys\"", StringComparison.Ordinal));
    }

    /// <summary>The script's statements without comments and blank lines, so layout and explanations may differ.</summary>
    private static List<string> Statements(string script) =>
        [.. string.Join('\n', script.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)))
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
