using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinke.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Compliance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplianceFrameworkImports");

            migrationBuilder.DropTable(
                name: "ComplianceInspections");

            migrationBuilder.DropTable(
                name: "ComplianceThresholdOverrides");
        }
    }
}
