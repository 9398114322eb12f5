using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinke.Migrations.Postgres.Migrations
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "InformationSystems",
                type: "timestamp with time zone",
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
