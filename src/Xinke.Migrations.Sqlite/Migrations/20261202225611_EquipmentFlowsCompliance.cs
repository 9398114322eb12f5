using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinke.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EquipmentFlowsCompliance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssetLoans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    BorrowerPersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    LentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LentById = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConditionOut = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Accessories = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    InspectedById = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnCondition = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AccessoriesComplete = table.Column<bool>(type: "INTEGER", nullable: true),
                    DataWiped = table.Column<bool>(type: "INTEGER", nullable: true),
                    Damaged = table.Column<bool>(type: "INTEGER", nullable: true),
                    InspectionNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RepairId = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueNoticeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetLoans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetLoans_Accounts_InspectedById",
                        column: x => x.InspectedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetLoans_Accounts_LentById",
                        column: x => x.LentById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetLoans_AssetRepairs_RepairId",
                        column: x => x.RepairId,
                        principalTable: "AssetRepairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetLoans_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetLoans_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssetRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TypeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NeededFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NeededUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DepartmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonAccountId = table.Column<long>(type: "INTEGER", nullable: true),
                    FiledById = table.Column<long>(type: "INTEGER", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ApprovalId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FulfilledCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedById = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetRequests_Accounts_ClosedById",
                        column: x => x.ClosedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetRequests_Accounts_FiledById",
                        column: x => x.FiledById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetRequests_Accounts_PersonAccountId",
                        column: x => x.PersonAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetRequests_ApprovalRequests_ApprovalId",
                        column: x => x.ApprovalId,
                        principalTable: "ApprovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetRequests_AssetTypes_TypeId",
                        column: x => x.TypeId,
                        principalTable: "AssetTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetRequests_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetRequests_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssetReservations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledById = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetReservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetReservations_Accounts_CancelledById",
                        column: x => x.CancelledById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetReservations_Accounts_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetReservations_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetReservations_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ComplianceFrameworkImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclaredVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedById = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceFrameworkImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplianceInspections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Comments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    InspectorAccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MetCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PartlyMetCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NotMetCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NotCoveredCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RedRequirements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceInspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplianceThresholdOverrides",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FrameworkCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequirementId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EditedById = table.Column<long>(type: "INTEGER", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceThresholdOverrides", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaintenancePlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssetTypeId = table.Column<long>(type: "INTEGER", nullable: true),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: true),
                    ChecklistTemplateId = table.Column<long>(type: "INTEGER", nullable: false),
                    ObligationId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenancePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaintenancePlans_Accounts_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MaintenancePlans_AssetTypes_AssetTypeId",
                        column: x => x.AssetTypeId,
                        principalTable: "AssetTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MaintenancePlans_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MaintenancePlans_ChecklistTemplates_ChecklistTemplateId",
                        column: x => x.ChecklistTemplateId,
                        principalTable: "ChecklistTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MaintenancePlans_Obligations_ObligationId",
                        column: x => x.ObligationId,
                        principalTable: "Obligations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Stocktakes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Campus = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Building = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Floor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Room = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedById = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedById = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpectedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FoundCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UnexpectedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stocktakes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Stocktakes_Accounts_FinishedById",
                        column: x => x.FinishedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Stocktakes_Accounts_StartedById",
                        column: x => x.StartedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssetRequestItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    FulfilledById = table.Column<long>(type: "INTEGER", nullable: false),
                    FulfilledAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetRequestItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetRequestItems_Accounts_FulfilledById",
                        column: x => x.FulfilledById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetRequestItems_AssetRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "AssetRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssetRequestItems_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PlanId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChecklistRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PerformedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PerformedById = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaintenanceRecords_Accounts_PerformedById",
                        column: x => x.PerformedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MaintenanceRecords_ChecklistRuns_ChecklistRunId",
                        column: x => x.ChecklistRunId,
                        principalTable: "ChecklistRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MaintenanceRecords_MaintenancePlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "MaintenancePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StocktakeLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StocktakeId = table.Column<long>(type: "INTEGER", nullable: false),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Expected = table.Column<bool>(type: "INTEGER", nullable: false),
                    Found = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScannedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScannedById = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StocktakeLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StocktakeLines_Accounts_ScannedById",
                        column: x => x.ScannedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StocktakeLines_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StocktakeLines_Stocktakes_StocktakeId",
                        column: x => x.StocktakeId,
                        principalTable: "Stocktakes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceRecordAssets",
                columns: table => new
                {
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceRecordAssets", x => new { x.RecordId, x.AssetId });
                    table.ForeignKey(
                        name: "FK_MaintenanceRecordAssets_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MaintenanceRecordAssets_MaintenanceRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "MaintenanceRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssetLoans_AssetId_ReturnedAt",
                table: "AssetLoans",
                columns: new[] { "AssetId", "ReturnedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetLoans_BorrowerPersonId_Id",
                table: "AssetLoans",
                columns: new[] { "BorrowerPersonId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetLoans_Code",
                table: "AssetLoans",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssetLoans_DepartmentId_Id",
                table: "AssetLoans",
                columns: new[] { "DepartmentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetLoans_InspectedById",
                table: "AssetLoans",
                column: "InspectedById");

            migrationBuilder.CreateIndex(
                name: "IX_AssetLoans_LentById",
                table: "AssetLoans",
                column: "LentById");

            migrationBuilder.CreateIndex(
                name: "IX_AssetLoans_RepairId",
                table: "AssetLoans",
                column: "RepairId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetLoans_ReturnedAt_DueAt",
                table: "AssetLoans",
                columns: new[] { "ReturnedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequestItems_AssetId",
                table: "AssetRequestItems",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequestItems_FulfilledAt_Id",
                table: "AssetRequestItems",
                columns: new[] { "FulfilledAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequestItems_FulfilledById",
                table: "AssetRequestItems",
                column: "FulfilledById");

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequestItems_RequestId_AssetId",
                table: "AssetRequestItems",
                columns: new[] { "RequestId", "AssetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequests_ApprovalId",
                table: "AssetRequests",
                column: "ApprovalId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequests_ClosedById",
                table: "AssetRequests",
                column: "ClosedById");

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequests_Code",
                table: "AssetRequests",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequests_DepartmentId_Id",
                table: "AssetRequests",
                columns: new[] { "DepartmentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequests_FiledById_Id",
                table: "AssetRequests",
                columns: new[] { "FiledById", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequests_PersonAccountId_Id",
                table: "AssetRequests",
                columns: new[] { "PersonAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequests_PersonId",
                table: "AssetRequests",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequests_Status_Id",
                table: "AssetRequests",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetRequests_TypeId",
                table: "AssetRequests",
                column: "TypeId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetReservations_AssetId_StartsAt",
                table: "AssetReservations",
                columns: new[] { "AssetId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetReservations_CancelledById",
                table: "AssetReservations",
                column: "CancelledById");

            migrationBuilder.CreateIndex(
                name: "IX_AssetReservations_CreatedById",
                table: "AssetReservations",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_AssetReservations_DepartmentId_Id",
                table: "AssetReservations",
                columns: new[] { "DepartmentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetReservations_PersonId_Id",
                table: "AssetReservations",
                columns: new[] { "PersonId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceFrameworkImports_Code_Version",
                table: "ComplianceFrameworkImports",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceInspections_Code",
                table: "ComplianceInspections",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceInspections_PeriodFrom",
                table: "ComplianceInspections",
                column: "PeriodFrom");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceThresholdOverrides_FrameworkCode_RequirementId_Name",
                table: "ComplianceThresholdOverrides",
                columns: new[] { "FrameworkCode", "RequirementId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaintenancePlans_AssetId",
                table: "MaintenancePlans",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenancePlans_AssetTypeId",
                table: "MaintenancePlans",
                column: "AssetTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenancePlans_ChecklistTemplateId",
                table: "MaintenancePlans",
                column: "ChecklistTemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenancePlans_CreatedById",
                table: "MaintenancePlans",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenancePlans_ObligationId",
                table: "MaintenancePlans",
                column: "ObligationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceRecordAssets_AssetId",
                table: "MaintenanceRecordAssets",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceRecords_ChecklistRunId",
                table: "MaintenanceRecords",
                column: "ChecklistRunId");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceRecords_Code",
                table: "MaintenanceRecords",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceRecords_PerformedById",
                table: "MaintenanceRecords",
                column: "PerformedById");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceRecords_PlanId_PerformedAt",
                table: "MaintenanceRecords",
                columns: new[] { "PlanId", "PerformedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StocktakeLines_AssetId",
                table: "StocktakeLines",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_StocktakeLines_ScannedById",
                table: "StocktakeLines",
                column: "ScannedById");

            migrationBuilder.CreateIndex(
                name: "IX_StocktakeLines_StocktakeId_AssetId",
                table: "StocktakeLines",
                columns: new[] { "StocktakeId", "AssetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Stocktakes_Code",
                table: "Stocktakes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Stocktakes_FinishedById",
                table: "Stocktakes",
                column: "FinishedById");

            migrationBuilder.CreateIndex(
                name: "IX_Stocktakes_StartedById",
                table: "Stocktakes",
                column: "StartedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssetLoans");

            migrationBuilder.DropTable(
                name: "AssetRequestItems");

            migrationBuilder.DropTable(
                name: "AssetReservations");

            migrationBuilder.DropTable(
                name: "ComplianceFrameworkImports");

            migrationBuilder.DropTable(
                name: "ComplianceInspections");

            migrationBuilder.DropTable(
                name: "ComplianceThresholdOverrides");

            migrationBuilder.DropTable(
                name: "MaintenanceRecordAssets");

            migrationBuilder.DropTable(
                name: "StocktakeLines");

            migrationBuilder.DropTable(
                name: "AssetRequests");

            migrationBuilder.DropTable(
                name: "MaintenanceRecords");

            migrationBuilder.DropTable(
                name: "Stocktakes");

            migrationBuilder.DropTable(
                name: "MaintenancePlans");
        }
    }
}
