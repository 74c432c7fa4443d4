using System.Text.Json;
using Npgsql;
using StackExchange.Redis;

// The ceilings for the read endpoints: the same rows and the same JSON as Catalog.Api, straight from Npgsql to a
// Utf8JsonWriter, with no EF Core, no validation and no middleware beyond routing; and the same Redis read as
// Basket.Api's GET, through the same client (StackExchange.Redis), with no buyer token, no catalog prices and no middleware.
var builder = WebApplication.CreateSlimBuilder(args);
// Statements prepared on each connection, as Catalog.Api has them, so the two differ only in what is on top of Npgsql.
var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString("catalogdb")) { MaxAutoPrepare = 32 });
await using var redis = await ConnectionMultiplexer.ConnectAsync(builder.Configuration.GetConnectionString("cache")!);
var basketDb = redis.GetDatabase();
var app = builder.Build();

const string ItemColumns = """
    SELECT p.id, p.name, p.description, p.price, p.brand_id, b.name, p.type_id, t.name, p.available_stock
    FROM products p JOIN brands b ON b.id = p.brand_id JOIN types t ON t.id = p.type_id
    """;

app.MapGet("/api/catalog/items", async (HttpContext http, int pageIndex = 0, int pageSize = 12) =>
{
    await using var connection = await dataSource.OpenConnectionAsync(http.RequestAborted);
    await using var batch = new NpgsqlBatch(connection)
    {
        BatchCommands =
        {
            new NpgsqlBatchCommand("SELECT count(*) FROM products"),
            new NpgsqlBatchCommand($"{ItemColumns} ORDER BY p.name, p.id LIMIT $1 OFFSET $2")
            {
                Parameters = { new() { Value = pageSize }, new() { Value = pageIndex * pageSize } },
            },
        },
    };
    await using var reader = await batch.ExecuteReaderAsync(http.RequestAborted);
    await reader.ReadAsync(http.RequestAborted);
    var count = reader.GetInt64(0);
    await reader.NextResultAsync(http.RequestAborted);

    http.Response.ContentType = "application/json; charset=utf-8";
    await using var json = new Utf8JsonWriter(http.Response.Body);
    json.WriteStartObject();
    json.WriteNumber("pageIndex", pageIndex);
    json.WriteNumber("pageSize", pageSize);
    json.WriteNumber("count", count);
    json.WriteStartArray("data");
    while (await reader.ReadAsync(http.RequestAborted))
    {
        WriteItem(json, reader);
    }

    json.WriteEndArray();
    json.WriteEndObject();
});

app.MapGet("/api/catalog/items/{id:int}", async (HttpContext http, int id) =>
{
    await using var command = dataSource.CreateCommand($"{ItemColumns} WHERE p.id = $1");
    command.Parameters.Add(new NpgsqlParameter { Value = id });
    await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
    if (!await reader.ReadAsync(http.RequestAborted))
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }

    http.Response.ContentType = "application/json; charset=utf-8";
    await using var json = new Utf8JsonWriter(http.Response.Body);
    WriteItem(json, reader);
});

// Basket.Api keeps a buyer's basket as one hash; its key shape is repeated here (BasketKeys is internal).
app.MapGet("/api/basket/{buyerId}", async (HttpContext http, string buyerId) =>
{
    var fields = await basketDb.HashGetAllAsync($"basket:{{{buyerId}}}").WaitAsync(http.RequestAborted);
    http.Response.ContentType = "application/json; charset=utf-8";
    await using var json = new Utf8JsonWriter(http.Response.Body);
    json.WriteStartObject();
    json.WriteStartArray("lines");
    foreach (var field in fields)
    {
        json.WriteStartObject();
        json.WriteString("productId", field.Name.ToString());
        json.WriteString("line", field.Value.ToString());
        json.WriteEndObject();
    }

    json.WriteEndArray();
    json.WriteEndObject();
});

app.Run();

static void WriteItem(Utf8JsonWriter json, NpgsqlDataReader reader)
{
    var id = reader.GetInt32(0);
    json.WriteStartObject();
    json.WriteNumber("id", id);
    json.WriteString("name", reader.GetString(1));
    json.WriteString("description", reader.GetString(2));
    json.WriteNumber("price", reader.GetDecimal(3));
    json.WriteNumber("brandId", reader.GetInt32(4));
    json.WriteString("brand", reader.GetString(5));
    json.WriteNumber("typeId", reader.GetInt32(6));
    json.WriteString("type", reader.GetString(7));
    json.WriteNumber("availableStock", reader.GetInt32(8));
    json.WriteString("imageUrl", $"/api/catalog/items/{id}/image");
    json.WriteEndObject();
}
