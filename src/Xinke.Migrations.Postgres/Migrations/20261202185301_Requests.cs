using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Xinke.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Requests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssetRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TypeId = table.Column<long>(type: "bigint", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    NeededFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    NeededUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    DepartmentId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    PersonAccountId = table.Column<long>(type: "bigint", nullable: true),
                    FiledById = table.Column<long>(type: "bigint", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ApprovalId = table.Column<long>(type: "bigint", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FulfilledCount = table.Column<int>(type: "integer", nullable: false),
                    CloseReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedById = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "AssetRequestItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    AssetId = table.Column<long>(type: "bigint", nullable: false),
                    FulfilledById = table.Column<long>(type: "bigint", nullable: false),
                    FulfilledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssetRequestItems");

            migrationBuilder.DropTable(
                name: "AssetRequests");
        }
    }
}
