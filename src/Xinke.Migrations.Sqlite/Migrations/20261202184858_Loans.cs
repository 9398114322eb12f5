using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinke.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Loans : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssetLoans");

            migrationBuilder.DropTable(
                name: "AssetReservations");
        }
    }
}
