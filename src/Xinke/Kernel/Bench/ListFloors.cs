namespace Xinke.Kernel.Bench;

/// <summary>
/// The raw floors of the modules' list and detail scenarios (bench/scenarios.txt): the statement
/// EF Core sends for each list (taken from its command log), the page size plus the one row that
/// tells whether a next page exists, with each column named like the JSON property it becomes. A
/// deep page reads from the keyset its cursor holds, a detail its record's id, given in the query string.
/// </summary>
public static class ListFloors
{
    private const int PageRows = Data.Paging.ListRequest.DefaultLimit + 1;

    private static readonly string Assets = Select("a",
        "Id", "Building", "Campus", "ContractReference", "CreatedAt", "CreatedById", "DesignatedLocation", "Floor", "HoldsData", "Hostname",
        "IsKeyDevice", "MacAddress", "Make", "Model", "Notes", "OwningDepartmentId", "PurchaseDate", "PurchasePrice", "Rack", "RackUnit",
        "ResponsiblePersonId", "Room", "Serial", "Status", "Supplier", "Tag", "TypeId", "UpdatedAt", "Version", "WarrantyEnd") + """ FROM "Assets" AS "a" """;

    private static readonly string Tickets = Select("t",
        "Id", "AssigneeAccountId", "CategoryId", "Cause", "ClosedAt", "Code", "ConfirmedByReporter", "ContactPhone", "CreatedAt", "CreatedByAccountId",
        "DepartmentId", "Description", "FiledByAccountId", "GroupId", "Impact", "Kind", "Location", "PendingReason", "Priority", "RatedAt",
        "Rating", "RatingComment", "ReopenCount", "ReopenReason", "ReporterAccountId", "ReporterPersonId", "Resolution", "ResolutionBreached",
        "ResolutionDueAt", "ResolvedAt", "ResolvedByAccountId", "RespondedAt", "ResponseBreached", "ResponseDueAt", "RootCause", "SlaEscalatedAt",
        "SlaPolicyId", "SlaWarnedAt", "SourceId", "SourceKind", "Status", "SystemId", "Title", "UpdatedAt", "Urgency", "Version") + """ FROM "Tickets" AS "t" """;

    public static RouteGroupBuilder MapListFloors(this RouteGroupBuilder bench)
    {
        ArgumentNullException.ThrowIfNull(bench);
        bench.MapRawQuery("assets", Assets + $"""ORDER BY "a"."Tag", "a"."Id" LIMIT {PageRows}""");
        bench.MapRawQuery("assets-after", Assets + $"""WHERE "a"."Tag" >= @tag AND ("a"."Tag" > @tag OR "a"."Id" > @id) ORDER BY "a"."Tag", "a"."Id" LIMIT {PageRows}""");
        bench.MapRawQuery("tickets", Tickets + $"""ORDER BY "t"."Id" DESC LIMIT {PageRows}""");
        bench.MapRawQuery("tickets-after", Tickets + $"""WHERE "t"."Id" <= @id AND ("t"."Id" < @id OR "t"."Id" < @id) ORDER BY "t"."Id" DESC LIMIT {PageRows}""");
        bench.MapRawQuery("asset", Assets + """WHERE "a"."Id" = @id LIMIT 2""");
        bench.MapRawQuery("ticket", Tickets + """WHERE "t"."Id" = @id LIMIT 2""");
        bench.MapRawQuery("tickets-fault-p3", Tickets + $"""WHERE "t"."Kind" = 'Fault' AND "t"."Priority" = 'P3' ORDER BY "t"."Id" DESC LIMIT {PageRows}""");
        return bench;
    }

    /// <summary><c>SELECT "a"."Id" AS "id", …</c>: the entity's columns as EF Core lists them, aliased in camel case.</summary>
    private static string Select(string alias, params string[] columns) =>
        "SELECT " + string.Join(", ", columns.Select(c => $"""
            "{alias}"."{c}" AS "{char.ToLowerInvariant(c[0])}{c[1..]}"
            """));
}
