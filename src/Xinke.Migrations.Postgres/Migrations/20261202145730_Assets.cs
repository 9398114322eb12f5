using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Xinke.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Assets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssetTypes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:IdentitySequenceOptions", "'100', '1', '', '', 'False', '1'")
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BuiltIn = table.Column<bool>(type: "boolean", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    KeyDeviceByDefault = table.Column<bool>(type: "boolean", nullable: false),
                    IsWorkstation = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Tag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TypeId = table.Column<long>(type: "bigint", nullable: false),
                    Make = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Serial = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Supplier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PurchaseDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PurchasePrice = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    WarrantyEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    ContractReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Campus = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Building = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Floor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Room = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Rack = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RackUnit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    OwningDepartmentId = table.Column<long>(type: "bigint", nullable: false),
                    ResponsiblePersonId = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    IsKeyDevice = table.Column<bool>(type: "boolean", nullable: false),
                    DesignatedLocation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    HoldsData = table.Column<bool>(type: "boolean", nullable: false),
                    Hostname = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true),
                    MacAddress = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assets_Accounts_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assets_AssetTypes_TypeId",
                        column: x => x.TypeId,
                        principalTable: "AssetTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assets_Departments_OwningDepartmentId",
                        column: x => x.OwningDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssetEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssetId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ActorAccountId = table.Column<long>(type: "bigint", nullable: true),
                    RefKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RefId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetEvents_Accounts_ActorAccountId",
                        column: x => x.ActorAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetEvents_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "AssetTypes",
                columns: new[] { "Id", "Active", "BuiltIn", "Code", "IsWorkstation", "KeyDeviceByDefault", "NameEn", "NameZh", "Version" },
                values: new object[,]
                {
                    { 1L, true, true, "server", false, true, "Server", "服务器", 1L },
                    { 2L, true, true, "storage", false, true, "Storage", "存储设备", 1L },
                    { 3L, true, true, "switch", false, true, "Switch", "交换机", 1L },
                    { 4L, true, true, "router", false, true, "Router", "路由器", 1L },
                    { 5L, true, true, "firewall", false, true, "Firewall", "防火墙", 1L },
                    { 6L, true, true, "pc", true, false, "PC", "台式计算机", 1L },
                    { 7L, true, true, "laptop", true, false, "Laptop", "笔记本电脑", 1L },
                    { 8L, true, true, "printer", false, false, "Printer", "打印机", 1L },
                    { 9L, true, true, "scanner", false, false, "Scanner", "扫描仪", 1L },
                    { 10L, true, true, "terminal", true, false, "Terminal", "终端", 1L },
                    { 11L, true, true, "ups", false, false, "UPS", "UPS电源", 1L },
                    { 12L, true, true, "medical-gateway", false, false, "Medical-device gateway", "医疗设备网关", 1L },
                    { 13L, true, true, "other", false, false, "Other", "其他", 1L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssetEvents_ActorAccountId",
                table: "AssetEvents",
                column: "ActorAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetEvents_AssetId_At_Id",
                table: "AssetEvents",
                columns: new[] { "AssetId", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetEvents_RefKind_RefId",
                table: "AssetEvents",
                columns: new[] { "RefKind", "RefId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_CreatedById",
                table: "Assets",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Hostname",
                table: "Assets",
                column: "Hostname");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_OwningDepartmentId_Id",
                table: "Assets",
                columns: new[] { "OwningDepartmentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_ResponsiblePersonId",
                table: "Assets",
                column: "ResponsiblePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Serial",
                table: "Assets",
                column: "Serial");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Status_Id",
                table: "Assets",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Tag",
                table: "Assets",
                column: "Tag",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assets_TypeId_Id",
                table: "Assets",
                columns: new[] { "TypeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetTypes_Code",
                table: "AssetTypes",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssetEvents");

            migrationBuilder.DropTable(
                name: "Assets");

            migrationBuilder.DropTable(
                name: "AssetTypes");
        }
    }
}
