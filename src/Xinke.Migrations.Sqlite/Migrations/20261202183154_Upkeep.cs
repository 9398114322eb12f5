using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinke.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Upkeep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "MaintenanceRecordAssets");

            migrationBuilder.DropTable(
                name: "StocktakeLines");

            migrationBuilder.DropTable(
                name: "MaintenanceRecords");

            migrationBuilder.DropTable(
                name: "Stocktakes");

            migrationBuilder.DropTable(
                name: "MaintenancePlans");
        }
    }
}
