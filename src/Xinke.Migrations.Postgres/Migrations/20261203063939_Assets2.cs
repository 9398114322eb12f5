using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinke.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Assets2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HomeBuilding",
                table: "AssetLoans",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HomeCampus",
                table: "AssetLoans",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HomeDepartmentId",
                table: "AssetLoans",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HomeFloor",
                table: "AssetLoans",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HomeRack",
                table: "AssetLoans",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HomeRackUnit",
                table: "AssetLoans",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HomeResponsiblePersonId",
                table: "AssetLoans",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HomeRoom",
                table: "AssetLoans",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssetLoans_HomeDepartmentId",
                table: "AssetLoans",
                column: "HomeDepartmentId");

            migrationBuilder.AddForeignKey(
                name: "FK_AssetLoans_Departments_HomeDepartmentId",
                table: "AssetLoans",
                column: "HomeDepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AssetLoans_Departments_HomeDepartmentId",
                table: "AssetLoans");

            migrationBuilder.DropIndex(
                name: "IX_AssetLoans_HomeDepartmentId",
                table: "AssetLoans");

            migrationBuilder.DropColumn(
                name: "HomeBuilding",
                table: "AssetLoans");

            migrationBuilder.DropColumn(
                name: "HomeCampus",
                table: "AssetLoans");

            migrationBuilder.DropColumn(
                name: "HomeDepartmentId",
                table: "AssetLoans");

            migrationBuilder.DropColumn(
                name: "HomeFloor",
                table: "AssetLoans");

            migrationBuilder.DropColumn(
                name: "HomeRack",
                table: "AssetLoans");

            migrationBuilder.DropColumn(
                name: "HomeRackUnit",
                table: "AssetLoans");

            migrationBuilder.DropColumn(
                name: "HomeResponsiblePersonId",
                table: "AssetLoans");

            migrationBuilder.DropColumn(
                name: "HomeRoom",
                table: "AssetLoans");
        }
    }
}
