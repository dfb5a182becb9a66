using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fenquan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonNumbersAndSections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdNumber",
                table: "people",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StaffNumber",
                table: "people",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SectionId",
                table: "memberships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sections", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_people_CountyId_IdNumber",
                table: "people",
                columns: new[] { "CountyId", "IdNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_people_CountyId_StaffNumber",
                table: "people",
                columns: new[] { "CountyId", "StaffNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sections_CountyId_UnitId_Name",
                table: "sections",
                columns: new[] { "CountyId", "UnitId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sections");

            migrationBuilder.DropIndex(
                name: "IX_people_CountyId_IdNumber",
                table: "people");

            migrationBuilder.DropIndex(
                name: "IX_people_CountyId_StaffNumber",
                table: "people");

            migrationBuilder.DropColumn(
                name: "IdNumber",
                table: "people");

            migrationBuilder.DropColumn(
                name: "StaffNumber",
                table: "people");

            migrationBuilder.DropColumn(
                name: "SectionId",
                table: "memberships");
        }
    }
}
