using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fenquan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StepIndex",
                table: "notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StepRound",
                table: "notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_StepRound_ReadAt",
                table: "notifications",
                columns: new[] { "StepRound", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notifications_StepRound_ReadAt",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "StepIndex",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "StepRound",
                table: "notifications");
        }
    }
}
