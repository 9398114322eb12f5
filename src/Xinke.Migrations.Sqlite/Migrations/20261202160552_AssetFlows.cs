using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinke.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AssetFlows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssetAppraisals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppraiserId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppraisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetAppraisals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetAppraisals_Accounts_AppraiserId",
                        column: x => x.AppraiserId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetAppraisals_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssetRepairs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    Fault = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VendorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VendorEngineer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Parts = table.Column<string>(type: "TEXT", nullable: false),
                    Cost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PreviousStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    RecordedById = table.Column<long>(type: "INTEGER", nullable: false),
                    LoanId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetRepairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetRepairs_Accounts_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetRepairs_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssetScrappings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppraisalId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartedById = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreviousStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ApprovalId = table.Column<long>(type: "INTEGER", nullable: true),
                    DisposalMethod = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DataDestructionMethod = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DataDestroyedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DataDestroyedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CertificateAttachmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedById = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetScrappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetScrappings_Accounts_CompletedById",
                        column: x => x.CompletedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetScrappings_Accounts_StartedById",
                        column: x => x.StartedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetScrappings_ApprovalRequests_ApprovalId",
                        column: x => x.ApprovalId,
                        principalTable: "ApprovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetScrappings_AssetAppraisals_AppraisalId",
                        column: x => x.AppraisalId,
                        principalTable: "AssetAppraisals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetScrappings_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetScrappings_Attachments_CertificateAttachmentId",
                        column: x => x.CertificateAttachmentId,
                        principalTable: "Attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssetAppraisals_AppraiserId",
                table: "AssetAppraisals",
                column: "AppraiserId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetAppraisals_AssetId_Id",
                table: "AssetAppraisals",
                columns: new[] { "AssetId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetRepairs_AssetId_Id",
                table: "AssetRepairs",
                columns: new[] { "AssetId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetRepairs_FinishedAt_Id",
                table: "AssetRepairs",
                columns: new[] { "FinishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetRepairs_RecordedById",
                table: "AssetRepairs",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_AppraisalId",
                table: "AssetScrappings",
                column: "AppraisalId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_ApprovalId",
                table: "AssetScrappings",
                column: "ApprovalId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_AssetId_Status",
                table: "AssetScrappings",
                columns: new[] { "AssetId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_CertificateAttachmentId",
                table: "AssetScrappings",
                column: "CertificateAttachmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_CompletedById",
                table: "AssetScrappings",
                column: "CompletedById");

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_StartedById",
                table: "AssetScrappings",
                column: "StartedById");

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_Status_CompletedAt",
                table: "AssetScrappings",
                columns: new[] { "Status", "CompletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssetRepairs");

            migrationBuilder.DropTable(
                name: "AssetScrappings");

            migrationBuilder.DropTable(
                name: "AssetAppraisals");
        }
    }
}
