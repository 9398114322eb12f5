using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinke.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Equip : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssetSystems",
                columns: table => new
                {
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    SystemId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetSystems", x => new { x.AssetId, x.SystemId });
                    table.ForeignKey(
                        name: "FK_AssetSystems_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssetSystems_SystemId",
                table: "AssetSystems",
                column: "SystemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssetSystems");
        }
    }
}
