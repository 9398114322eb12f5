using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinke.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Systems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RetireReason",
                table: "InformationSystems",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "InformationSystems",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RetireReason",
                table: "InformationSystems");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "InformationSystems");
        }
    }
}
