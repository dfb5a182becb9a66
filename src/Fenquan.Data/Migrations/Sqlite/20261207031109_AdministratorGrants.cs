using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fenquan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdministratorGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "administrator_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConfirmedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Bootstrap = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_administrator_grants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_administrator_grants_CountyId_Account",
                table: "administrator_grants",
                columns: new[] { "CountyId", "Account" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "administrator_grants");
        }
    }
}
