using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fenquan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatementCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_matters_Id_Kind_Title",
                table: "matters",
                columns: new[] { "Id", "Kind", "Title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_matters_Id_Kind_Title",
                table: "matters");
        }
    }
}
