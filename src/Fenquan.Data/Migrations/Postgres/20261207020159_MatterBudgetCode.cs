using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fenquan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MatterBudgetCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BudgetCode",
                table: "matters",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            // Matters charged before the column existed take their charge's code.
            migrationBuilder.Sql("""
                UPDATE matters SET "BudgetCode" = (SELECT c."Code" FROM budget_charges c WHERE c."MatterId" = matters."Id")
                WHERE EXISTS (SELECT 1 FROM budget_charges c WHERE c."MatterId" = matters."Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BudgetCode",
                table: "matters");
        }
    }
}
