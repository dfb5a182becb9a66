using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fenquan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MatterNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notification_preferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_preferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notification_preferences_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NotificationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LastStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_SubjectId_ReadAt",
                table: "notifications",
                columns: new[] { "SubjectId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notification_preferences_CountyId_PersonId",
                table: "notification_preferences",
                columns: new[] { "CountyId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notification_preferences_PersonId",
                table: "notification_preferences",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_CountyId_NextAttemptAt",
                table: "webhook_deliveries",
                columns: new[] { "CountyId", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_NotificationId",
                table: "webhook_deliveries",
                column: "NotificationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_preferences");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            // IF EXISTS: reverting the later migrations (made on a parallel branch) may have rebuilt the
            // notifications table already, without this index.
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_notifications_SubjectId_ReadAt\";");
        }
    }
}
