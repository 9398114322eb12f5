using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinke.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SensitiveFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
